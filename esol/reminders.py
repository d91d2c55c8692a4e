"""Reminder planners (registered in EsolConfig.ready): rows in the outbox, never mail.

- A monitoring return not yet submitted reminds the project's reporting contacts a week before it
  is due, and again the day after it falls due ("monitoring returns due", DESIGN.md section 5).
- A directory entry nobody has confirmed for 12 months reminds its provider's accounts, once
  for each date it was last checked.

Each row's key is (kind, object, recipient, slot) with the due date or the last-checked date in
the slot, so a second run writes nothing new, and a moved due date reminds again."""

import datetime as dt

from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import User
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue

from .models import EsolRole, MonitoringReturn, Provision
from .models.provision import CHECK_EVERY
from .services.returns import reporting_contacts, return_link

KIND_RETURN_DUE = "esol.return_due"
KIND_RETURN_OVERDUE = "esol.return_overdue"
KIND_PROVISION_CHECK = "esol.provision_check"
DUE_NOTICE = dt.timedelta(days=7)


def _remind_contacts(monitoring_return: MonitoringReturn, *, kind: str, slot: str, subject: str) -> int:
    body = render_to_string("esol/returns/email/reminder.txt", {
        "return": monitoring_return, "project": monitoring_return.project, "link": return_link(monitoring_return),
        "overdue": kind == KIND_RETURN_OVERDUE})
    written = 0
    for contact in reporting_contacts(monitoring_return.project):
        written += notification_enqueue(kind=kind, subject_key=f"esol.return:{monitoring_return.pk}", slot=slot,
                                        recipient=contact, subject=subject, body_text=body) is not None
    return written


def plan_return_reminders(now: dt.datetime) -> int:
    today = timezone.localdate(now)
    outstanding = (MonitoringReturn.objects.outstanding()
                   .filter(due_on__gte=today - dt.timedelta(days=1), due_on__lte=today + DUE_NOTICE)
                   .select_related("project"))
    written = 0
    for monitoring_return in outstanding:
        project, due = monitoring_return.project, monitoring_return.due_on
        if due >= today:
            written += _remind_contacts(
                monitoring_return, kind=KIND_RETURN_DUE, slot=f"due-{due.isoformat()}",
                subject=f"Monitoring return due on {due:%-d %B %Y}: {project.title}")
        else:
            written += _remind_contacts(
                monitoring_return, kind=KIND_RETURN_OVERDUE, slot=f"overdue-{due.isoformat()}",
                subject=f"Monitoring return overdue since {due:%-d %B %Y}: {project.title}")
    return written


def provider_accounts(provider_ids) -> dict[int, list[User]]:
    group = Group.objects.filter(name=EsolRole.PROVIDER).first()
    if group is None:
        return {}
    accounts: dict[int, list[User]] = {}
    for user in group.user_set.filter(is_active=True, organisation_id__in=provider_ids).order_by("email"):
        accounts.setdefault(user.organisation_id, []).append(user)
    return accounts


def plan_provision_check_reminders(now: dt.datetime) -> int:
    today = timezone.localdate(now)
    stale = list(Provision.objects.not_checked_since(today - CHECK_EVERY).select_related("provider", "borough"))
    accounts = provider_accounts({entry.provider_id for entry in stale})
    written = 0
    for entry in stale:
        body = render_to_string("esol/provision/email/check_reminder.txt", {
            "entry": entry, "link": portal_link(reverse("esol:provision_edit", args=[entry.pk]))})
        for user in accounts.get(entry.provider_id, []):
            written += notification_enqueue(
                kind=KIND_PROVISION_CHECK, subject_key=f"esol.provision:{entry.pk}",
                slot=f"checked-{entry.last_checked_on.isoformat()}", recipient=user,
                subject=f"Please check your ESOL directory entry: {entry.course_title}", body_text=body) is not None
    return written
