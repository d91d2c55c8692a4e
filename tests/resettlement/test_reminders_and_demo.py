"""The planner that tells the coordinator about unmatched offers, and the demo data."""

import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone

from partnership.models import Notification
from partnership.notifications.registry import planners
from resettlement.models import OfferStatus, OfferTransition, ResettlementOffer
from resettlement.reminders import plan_unmatched_offer_reminders
from tests.factories.partnership import gla_officer
from tests.factories.resettlement import OfferFactory

S = OfferStatus


def test_the_planner_is_registered():
    assert plan_unmatched_offer_reminders in planners()


def test_unmatched_offers_past_their_date_remind_the_coordinator_once(world, settings):
    settings.RESETTLEMENT_COORDINATOR_EMAIL = ""
    second_officer = gla_officer(email="second.officer@example.org")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    due = [OfferFactory(borough=world.camden, status=status, available_from=yesterday)
           for status in (S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED)]
    # Not due: matched or finished, drafts, or not yet available.
    for status in (S.DRAFT, S.MATCHED, S.ARRIVED, S.CLOSED, S.WITHDRAWN, S.DECLINED):
        OfferFactory(borough=world.camden, status=status, available_from=yesterday)
    OfferFactory(borough=world.camden, status=S.ACCEPTED, available_from=timezone.localdate())

    assert plan_unmatched_offer_reminders(timezone.now()) == 6
    rows = Notification.objects.filter(kind="resettlement.offer_unmatched")
    assert {(row.subject_key, row.recipient_email) for row in rows} == {
        (f"resettlement.offer:{offer.pk}", email) for offer in due
        for email in ("officer@example.org", second_officer.email)}
    assert "is not matched" in rows[0].subject
    # Running again (the hourly beat) writes nothing new.
    assert plan_unmatched_offer_reminders(timezone.now()) == 0


def test_the_coordinator_setting_replaces_the_gla_officers(world, settings):
    settings.RESETTLEMENT_COORDINATOR_EMAIL = "resettlement.coordinator@example.org"
    OfferFactory(borough=world.camden, status=S.ACCEPTED, available_from=timezone.localdate() - dt.timedelta(days=3))
    assert plan_unmatched_offer_reminders(timezone.now()) == 1
    assert Notification.objects.get().recipient_email == "resettlement.coordinator@example.org"


def test_demo_data_covers_every_status_two_years_and_is_idempotent(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    offers = ResettlementOffer.objects.all()
    assert set(offers.values_list("status", flat=True)) == set(S.values)
    assert offers.values("financial_year").distinct().count() == 2
    boroughs = set(offers.values_list("borough__name", flat=True))
    assert {"Camden", "Hackney"} <= boroughs and len(boroughs) >= 5
    assert offers.filter(sponsorship_group__isnull=False).exists()
    # Every offer's history follows the transition table and ends at its status.
    from resettlement.rules import OFFER_MACHINE

    for offer in offers.prefetch_related("transitions"):
        steps = [(t.from_status, t.to_status) for t in offer.transitions.all()]
        assert all(step in OFFER_MACHINE for step in steps)
        assert (steps[-1][1] if steps else S.DRAFT) == offer.status
        if offer.status in (S.ARRIVED, S.CLOSED):
            assert offer.arrivals.exists()
    counts = (offers.count(), OfferTransition.objects.count(), Notification.objects.count())
    call_command("seed_demo", stdout=out)
    assert (ResettlementOffer.objects.count(), OfferTransition.objects.count(), Notification.objects.count()) == counts
    assert "0 new" in out.getvalue()


def test_the_hourly_task_plans_and_the_dispatcher_sends_the_reminder(world, settings, mailoutbox):
    from partnership.notifications.services.outbox import notifications_dispatch_due
    from partnership.notifications.tasks import plan_reminders

    settings.RESETTLEMENT_COORDINATOR_EMAIL = "coordinator@example.org"
    offer = OfferFactory(borough=world.camden, status=S.UNDER_REVIEW,
                         available_from=timezone.localdate() - dt.timedelta(days=2))
    assert plan_reminders() >= 1
    assert notifications_dispatch_due() == 1
    [email] = mailoutbox
    assert email.to == ["coordinator@example.org"]
    assert offer.reference in email.subject and "not matched" in email.subject
    assert f"/resettlement/offers/{offer.pk}/" in email.body
