"""The resettlement reminder planner (registered in ResettlementConfig.ready()): offers whose
available-from date has passed while they still wait for a match."""

from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from partnership.notifications.services.outbox import notification_enqueue

from .models import ResettlementOffer
from .services import coordinator_emails, offer_link


def plan_unmatched_offer_reminders(now: datetime) -> int:
    """Tells the coordinator about each offer whose available-from date has passed while it
    still waits for a match. Once per offer and date: the outbox key makes reruns write nothing."""
    today = timezone.localdate(now)
    offers = list(ResettlementOffer.objects.awaiting_match_past(today).for_listing())
    if not offers:
        return 0
    recipients = coordinator_emails()
    written = 0
    for offer in offers:
        subject = (f"Resettlement offer {offer.reference} ({offer.offered_by}) was available from "
                   f"{offer.available_from:%d %B %Y} and is not matched")
        body = render_to_string("resettlement/offers/email/unmatched.txt", {"offer": offer, "link": offer_link(offer)})
        for email in recipients:
            row = notification_enqueue(kind="resettlement.offer_unmatched",
                                       subject_key=f"resettlement.offer:{offer.pk}",
                                       slot=f"unmatched-{offer.available_from.isoformat()}",
                                       recipient_email=email, subject=subject, body_text=body)
            written += row is not None
    return written
