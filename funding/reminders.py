"""Reminder planners for funding (registered in FundingConfig.ready): a decision's milestone
reminds its responsible officer a week before its date, and a funding stream's grant end
reminds its lead officer eight weeks before. Rows only, through the outbox; the outbox key makes
a second run write nothing new."""

import datetime as dt

from django.urls import reverse

from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue

from .models import DecisionStatus, FundingStream, Milestone

MILESTONE_NOTICE = dt.timedelta(days=7)
GRANT_END_NOTICE = dt.timedelta(weeks=8)


def plan_milestone_reminders(now: dt.datetime) -> int:
    today = now.date()
    due = (Milestone.objects.filter(due_on__gte=today, due_on__lte=today + MILESTONE_NOTICE,
                                    decision__responsible_officer__isnull=False)
           .exclude(decision__status=DecisionStatus.WITHDRAWN)
           .select_related("decision", "decision__responsible_officer"))
    written = 0
    for milestone in due:
        decision = milestone.decision
        link = portal_link(reverse("funding:decision_detail", kwargs={"code": decision.reference_code}))
        written += notification_enqueue(
            kind="funding.milestone_due", subject_key=f"funding.milestone:{milestone.pk}",
            slot=f"7d-{milestone.due_on.isoformat()}", recipient=decision.responsible_officer,
            subject=f"{decision.reference_code}: {milestone.activity} is due on {milestone.due_on:%d %B %Y}",
            body_text=(f"The milestone \"{milestone.activity}\" ({milestone.timeline}) of {decision} is due on "
                       f"{milestone.due_on:%d %B %Y}.\n\n{link}\n"),
        ) is not None
    return written


def plan_grant_end_reminders(now: dt.datetime) -> int:
    today = now.date()
    ending = FundingStream.objects.filter(ends_on__gte=today, ends_on__lte=today + GRANT_END_NOTICE,
                                          lead_officer__isnull=False).select_related("lead_officer")
    written = 0
    for stream in ending:
        link = portal_link(reverse("funding:stream_detail", kwargs={"pk": stream.pk}))
        written += notification_enqueue(
            kind="funding.grant_ends", subject_key=f"funding.fundingstream:{stream.pk}",
            slot=f"8w-{stream.ends_on.isoformat()}", recipient=stream.lead_officer,
            subject=f"{stream.name} ends on {stream.ends_on:%d %B %Y}",
            body_text=(f"The current grant of {stream.name} ends on {stream.ends_on:%d %B %Y}. A decision to "
                       f"receive next year's funding may be needed.\n\n{link}\n"),
        ) is not None
    return written
