"""Access rows for the resettlement app. The Camden officer is borough_a, Hackney's borough_b:
Camden's offers answer 404 to Hackney; people with neither role get 403 for every page."""

from resettlement.models import OfferStatus
from tests.access.matrix import GLA_ONLY, LOGIN, Case, expect
from tests.factories.resettlement import OfferFactory

BOROUGHS = expect(LOGIN, 200, 200, 200, 403, 200)  # GLA officers and every borough officer
CAMDEN_OFFER = expect(LOGIN, 200, 200, 404, 403, 200)  # a submitted Camden offer
CAMDEN_DRAFT = expect(LOGIN, 404, 200, 404, 403, 404)  # a Camden draft is Camden's alone


def camden_offer(status):
    def make(world):
        return {"pk": OfferFactory(borough=world.camden, status=status, created_by=world.users["borough_a"]).pk}

    return make


def _start_review(world):
    return {"to_status": OfferStatus.UNDER_REVIEW, "note": ""}


CASES = [
    Case("resettlement:offer_list", BOROUGHS),
    Case("resettlement:offer_list_export", BOROUGHS),
    Case("resettlement:figures", BOROUGHS),
    Case("resettlement:figures_export", BOROUGHS),
    Case("resettlement:offer_create", expect(LOGIN, 403, 200, 200, 403, 403)),
    Case("resettlement:sponsorship_offer_create", GLA_ONLY),
    Case("resettlement:sponsorship_group_list", GLA_ONLY),
    Case("resettlement:sponsorship_group_create", GLA_ONLY),
    Case("resettlement:offer_detail", CAMDEN_OFFER, kwargs=camden_offer(OfferStatus.SUBMITTED)),
    Case("resettlement:offer_detail", CAMDEN_DRAFT, kwargs=camden_offer(OfferStatus.DRAFT), label="draft"),
    Case("resettlement:offer_history", CAMDEN_OFFER, kwargs=camden_offer(OfferStatus.ACCEPTED)),
    Case("resettlement:offer_export", CAMDEN_OFFER, kwargs=camden_offer(OfferStatus.MATCHED)),
    Case("resettlement:offer_edit", CAMDEN_DRAFT, kwargs=camden_offer(OfferStatus.DRAFT)),
    Case("resettlement:offer_edit", expect(LOGIN, 404, 404, 404, 403, 404),
         kwargs=camden_offer(OfferStatus.SUBMITTED), label="submitted offers are fixed"),
    Case("resettlement:offer_check_answers", CAMDEN_DRAFT, kwargs=camden_offer(OfferStatus.DRAFT)),
    # GLA officers may start the review or decline; Camden may withdraw.
    Case("resettlement:offer_transition", CAMDEN_OFFER, kwargs=camden_offer(OfferStatus.SUBMITTED)),
    Case("resettlement:offer_transition", expect(LOGIN, 302, 200, 404, 403, 302),
         kwargs=camden_offer(OfferStatus.SUBMITTED), method="post", data=_start_review,
         label="start the review (Camden is re-shown the form: not its move)"),
    # Nothing left to do with a closed offer: no one has a transition page for it.
    Case("resettlement:offer_transition", expect(LOGIN, 404, 404, 404, 403, 404),
         kwargs=camden_offer(OfferStatus.CLOSED), label="closed"),
    Case("resettlement:arrival_create", expect(LOGIN, 200, 404, 404, 403, 200),
         kwargs=camden_offer(OfferStatus.MATCHED)),
    Case("resettlement:arrival_create", expect(LOGIN, 404, 404, 404, 403, 404),
         kwargs=camden_offer(OfferStatus.ACCEPTED), label="not yet matched"),
]
