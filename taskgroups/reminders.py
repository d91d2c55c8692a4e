"""The protocol-review reminder (registered in TaskgroupsConfig.ready): the protocol's lead
officer hears four weeks before its review date, and again once the date has passed while the
protocol is still in force. Rows only, through the outbox; the key (protocol, recipient, slot
named after the review date) makes a rerun write nothing, and a new review date a new reminder."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue

from .models import Protocol

KIND = "taskgroups.protocol_review"
NOTICE_BEFORE = dt.timedelta(weeks=4)


def _enqueue(protocol, *, slot: str, subject: str, opening: str) -> bool:
    link = portal_link(reverse("taskgroups:protocol_detail", kwargs={"pk": protocol.pk}))
    return notification_enqueue(
        kind=KIND, subject_key=f"taskgroups.protocol:{protocol.pk}", slot=slot, recipient=protocol.lead_officer,
        subject=subject,
        body_text=(f"{opening}\n\nProtocol: {protocol.title}, version {protocol.version}\nOwned by: "
                   f"{protocol.owner_body}\nAgreed on: {protocol.agreed_on:%-d %B %Y}\nReview by: "
                   f"{protocol.review_on:%-d %B %Y}\n\n{link}\n"),
    ) is not None


def plan_protocol_review_reminders(now: dt.datetime) -> int:
    today = timezone.localdate(now)
    due = (Protocol.objects.review_due_by(today + NOTICE_BEFORE).filter(lead_officer__is_active=True)
           .select_related("owner_body", "lead_officer"))
    written = 0
    for protocol in due:
        review = protocol.review_on
        if review >= today:
            written += _enqueue(protocol, slot=f"4w-{review.isoformat()}",
                                subject=f"{protocol.title} is due for review by {review:%-d %B %Y}",
                                opening=f"The protocol below is due for review by {review:%-d %B %Y}.")
        else:
            written += _enqueue(protocol, slot=f"passed-{review.isoformat()}",
                                subject=f"{protocol.title}: the review date ({review:%-d %B %Y}) has passed",
                                opening=f"The review date of the protocol below, {review:%-d %B %Y}, has passed. "
                                        "Review it, or record a new review date.")
    return written
