"""The transition table, exhaustively: every (from, to) pair of statuses is either allowed (and
then recorded and notified) or refused (and then nothing changes)."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from partnership.models import Notification
from resettlement import services
from resettlement.models import OfferStatus, OfferTransition
from resettlement.rules import OFFER_MACHINE, OWNER
from tests.factories.resettlement import ArrivalFactory, OfferFactory, SponsorshipOfferFactory

S = OfferStatus
ALL_PAIRS = list(itertools.product(S.values, S.values))
ALLOWED = {
    (S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.UNDER_REVIEW), (S.SUBMITTED, S.DECLINED),
    (S.UNDER_REVIEW, S.ACCEPTED), (S.UNDER_REVIEW, S.DECLINED), (S.ACCEPTED, S.MATCHED),
    (S.MATCHED, S.ARRIVED), (S.ARRIVED, S.CLOSED),
    (S.DRAFT, S.WITHDRAWN), (S.SUBMITTED, S.WITHDRAWN), (S.UNDER_REVIEW, S.WITHDRAWN),
    (S.ACCEPTED, S.WITHDRAWN), (S.MATCHED, S.WITHDRAWN),
}
OWNER_MOVES = {pair for pair in ALLOWED if pair[1] in (S.SUBMITTED, S.WITHDRAWN)}


def test_the_table_is_exactly_the_allowed_set():
    assert {(t.source, t.target) for t in OFFER_MACHINE} == ALLOWED
    assert {(t.source, t.target) for t in OFFER_MACHINE if t.side == OWNER} == OWNER_MOVES


def _prepare(offer, source, target, by):
    if (source, target) == (S.MATCHED, S.ARRIVED):
        ArrivalFactory(offer=offer, recorded_by=by)
    return "The property is not suitable." if target == S.DECLINED else "noted"


@pytest.mark.parametrize(("source", "target"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_every_pair_of_statuses(world, source, target):
    camden_officer, gla = world.users["borough_a"], world.users["gla_officer"]
    offer = OfferFactory(borough=world.camden, status=source, created_by=camden_officer)
    actor = camden_officer if (source, target) in OWNER_MOVES else gla
    note = _prepare(offer, source, target, actor)

    if (source, target) in ALLOWED:
        record = services.offer_transition(offer=offer, to_status=target, by=actor, note=note)
        offer.refresh_from_db()
        assert offer.status == target
        assert (record.from_status, record.to_status, record.by, record.note) == (source, target, actor, note)
        # The other side hears about it: the GLA about Camden's moves, Camden about the GLA's.
        recipients = set(Notification.objects.filter(kind="resettlement.offer_status")
                         .values_list("recipient_email", flat=True))
        assert recipients == ({gla.email} if actor == camden_officer else {camden_officer.email})
    else:
        for someone in (camden_officer, gla):
            with pytest.raises(ValidationError):
                services.offer_transition(offer=offer, to_status=target, by=someone, note=note)
        offer.refresh_from_db()
        assert offer.status == source
        assert not OfferTransition.objects.exists()
        assert not Notification.objects.exists()


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_each_move_belongs_to_one_side(world, source, target):
    """The borough cannot review its own offer; the GLA cannot submit or withdraw it; Hackney
    cannot touch Camden's offer at all."""
    camden_officer, gla, hackney = (world.users[r] for r in ("borough_a", "gla_officer", "borough_b"))
    offer = OfferFactory(borough=world.camden, status=source, created_by=camden_officer)
    wrong = [gla, hackney] if (source, target) in OWNER_MOVES else [camden_officer, hackney]
    note = _prepare(offer, source, target, gla)
    for someone in wrong:
        with pytest.raises(ValidationError):
            services.offer_transition(offer=offer, to_status=target, by=someone, note=note)
    offer.refresh_from_db()
    assert offer.status == source


def test_a_decline_needs_a_reason(world):
    offer = OfferFactory(borough=world.camden, status=S.UNDER_REVIEW)
    with pytest.raises(ValidationError) as problem:
        services.offer_transition(offer=offer, to_status=S.DECLINED, by=world.users["gla_officer"], note="  ")
    assert "reason" in str(problem.value)
    offer.refresh_from_db()
    assert offer.status == S.UNDER_REVIEW


def test_an_offer_arrives_only_with_an_arrival(world):
    offer = OfferFactory(borough=world.camden, status=S.MATCHED)
    with pytest.raises(ValidationError, match="Record an arrival first"):
        services.offer_transition(offer=offer, to_status=S.ARRIVED, by=world.users["gla_officer"])


def test_an_unknown_status_is_refused(world):
    offer = OfferFactory(borough=world.camden, status=S.SUBMITTED)
    with pytest.raises(ValidationError):
        services.offer_transition(offer=offer, to_status="approved", by=world.users["gla_officer"])


def test_sponsorship_offers_are_moved_by_the_gla_for_the_group(world):
    gla, camden_officer = world.users["gla_officer"], world.users["borough_a"]
    offer = SponsorshipOfferFactory(borough=world.camden, status=S.DRAFT, created_by=gla)
    with pytest.raises(ValidationError):
        services.offer_transition(offer=offer, to_status=S.SUBMITTED, by=camden_officer)
    services.offer_transition(offer=offer, to_status=S.SUBMITTED, by=gla)
    # The supporting borough hears of it.
    assert list(Notification.objects.values_list("recipient_email", flat=True)) == [camden_officer.email]


def test_the_notice_is_written_in_the_same_transaction(world, monkeypatch):
    """If writing the notice fails, the status change is rolled back with it."""
    offer = OfferFactory(borough=world.camden, status=S.SUBMITTED)

    def broken(**kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(services, "_notify_other_side", broken)
    with pytest.raises(RuntimeError):
        services.offer_transition(offer=offer, to_status=S.UNDER_REVIEW, by=world.users["gla_officer"])
    offer.refresh_from_db()
    assert offer.status == S.SUBMITTED
    assert not OfferTransition.objects.exists()


def test_coordinator_setting_receives_borough_moves(world, settings):
    settings.RESETTLEMENT_COORDINATOR_EMAIL = "coordinator@example.org"
    offer = OfferFactory(borough=world.camden, status=S.SUBMITTED)
    services.offer_transition(offer=offer, to_status=S.WITHDRAWN, by=world.users["borough_a"], note="Sold")
    assert list(Notification.objects.values_list("recipient_email", flat=True)) == ["coordinator@example.org"]
