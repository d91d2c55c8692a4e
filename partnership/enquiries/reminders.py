"""The enquiry reminders planner: the assignee hears one working day before the reply-by date and
on the first working day the enquiry is overdue."""

from datetime import datetime, time

from django.template.loader import render_to_string
from django.utils import timezone

from partnership.common.working_days import next_working_day, previous_working_day
from partnership.models import Enquiry, Notification
from partnership.models.enquiries import OPEN_STATUSES
from partnership.notifications.services.outbox import notification_enqueue

from .services import DUE_SOON, OVERDUE, reminder_context

REMINDER_HOUR = 9


def _at_nine(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(REMINDER_HOUR)))


def plan_enquiry_reminders(now: datetime) -> int:
    """The planner (registered in PartnershipConfig.ready()): writes the assignee's reminder one
    working day before the reply-by date, and one on the first working day the enquiry is
    overdue (a Saturday notice would only wait in an inbox until Monday). Idempotent: the
    outbox key (kind, enquiry, assignee, slot) lets each be written once."""
    today = timezone.localtime(now).date()
    horizon = next_working_day(today)
    candidates = (Enquiry.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=False,
                                         response_due__lte=horizon)
                  .select_related("assignee"))
    candidates = list(candidates)
    # Keys already written (in any state): skipped here rather than refused by the database
    # on every hourly run.
    written_keys = set(Notification.objects.filter(
        kind__in=[DUE_SOON, OVERDUE], subject_key__in=[enquiry.subject_key for enquiry in candidates],
    ).values_list("kind", "subject_key", "recipient_email", "slot"))
    written = 0
    for enquiry in candidates:
        due = enquiry.response_due
        context = reminder_context(enquiry)
        email = enquiry.assignee.email
        if previous_working_day(due) <= today <= due and \
                (DUE_SOON, enquiry.subject_key, email, f"due-{due.isoformat()}") not in written_keys:
            written += bool(notification_enqueue(
                kind=DUE_SOON, subject_key=enquiry.subject_key, recipient=enquiry.assignee,
                slot=f"due-{due.isoformat()}", send_after=max(now, _at_nine(previous_working_day(due))),
                subject=f"Reply due {due:%A} {due.day} {due:%B}: enquiry {enquiry.reference}",
                body_text=render_to_string("partnership/enquiries/email/due_soon.txt", context)))
        first_overdue_day = next_working_day(due)
        if today >= first_overdue_day and \
                (OVERDUE, enquiry.subject_key, email, f"overdue-{due.isoformat()}") not in written_keys:
            written += bool(notification_enqueue(
                kind=OVERDUE, subject_key=enquiry.subject_key, recipient=enquiry.assignee,
                slot=f"overdue-{due.isoformat()}", send_after=max(now, _at_nine(first_overdue_day)),
                subject=f"Overdue: enquiry {enquiry.reference} was due {due.day} {due:%B}",
                body_text=render_to_string("partnership/enquiries/email/overdue.txt", context)))
    return written
