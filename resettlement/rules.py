"""Who may do what with resettlement offers: the offer's status machine and the django-rules
predicates built on it. Rules never import the services (the writes ask the rules, not the other
way round). Views check these AND fetch objects
through ResettlementOffer.objects.visible_to(user): an offer outside the scope answers 404."""

import rules

from partnership.common.status_machine import StatusMachine, Transition
from partnership.models import User
from partnership.rules import is_borough_officer, is_gla_officer

from .models import OfferStatus, ResettlementOffer

S = OfferStatus

# Who may make a transition: the offer's OWNER (the borough officer of a borough's own offer;
# a GLA officer acting for a community sponsorship group) or the GLA as REVIEWER.
OWNER = "owner"
REVIEWER = "reviewer"


# The one transition table: any (from, to) pair not listed here does not exist.
OFFER_MACHINE = StatusMachine([
    Transition(S.DRAFT, S.SUBMITTED, OWNER, "Submit the offer"),
    Transition(S.SUBMITTED, S.UNDER_REVIEW, REVIEWER, "Start the review"),
    Transition(S.SUBMITTED, S.DECLINED, REVIEWER, "Decline the offer", note_required=True),
    Transition(S.UNDER_REVIEW, S.ACCEPTED, REVIEWER, "Accept the offer"),
    Transition(S.UNDER_REVIEW, S.DECLINED, REVIEWER, "Decline the offer", note_required=True),
    Transition(S.ACCEPTED, S.MATCHED, REVIEWER, "Match the offer with a household"),
    # Only by recording an arrival (arrival_record): there must be one first.
    Transition(S.MATCHED, S.ARRIVED, REVIEWER, "Record an arrival"),
    Transition(S.ARRIVED, S.CLOSED, REVIEWER, "Close the offer"),
    # Withdrawal is the borough's (or the group's) right at any point before arrival.
    Transition(S.DRAFT, S.WITHDRAWN, OWNER, "Withdraw the offer"),
    Transition(S.SUBMITTED, S.WITHDRAWN, OWNER, "Withdraw the offer"),
    Transition(S.UNDER_REVIEW, S.WITHDRAWN, OWNER, "Withdraw the offer"),
    Transition(S.ACCEPTED, S.WITHDRAWN, OWNER, "Withdraw the offer"),
    Transition(S.MATCHED, S.WITHDRAWN, OWNER, "Withdraw the offer"),
])
# Transitions the transition form offers; the others have their own pages.
FORM_TRANSITION_EXCLUDED = {(S.DRAFT, S.SUBMITTED), (S.MATCHED, S.ARRIVED)}
ARRIVAL_STATUSES = (S.MATCHED, S.ARRIVED)


def is_owner(*, offer: ResettlementOffer, user: User) -> bool:
    if offer.is_sponsorship:
        return user.is_gla_officer
    return user.borough is not None and user.borough.pk == offer.borough_id


def may_make(*, transition: Transition, offer: ResettlementOffer, user: User) -> bool:
    if transition.side == OWNER:
        return is_owner(offer=offer, user=user)
    return user.is_gla_officer


def transitions_available(*, offer: ResettlementOffer, user: User, for_form: bool = False) -> list[Transition]:
    return [t for t in OFFER_MACHINE.from_status(offer.status)
            if may_make(transition=t, offer=offer, user=user)
            and not (for_form and (t.source, t.target) in FORM_TRANSITION_EXCLUDED)]


def offer_may_edit(*, offer: ResettlementOffer, user: User) -> bool:
    return offer.status == S.DRAFT and is_owner(offer=offer, user=user)


rules.add_perm("resettlement.view_offers", is_gla_officer | is_borough_officer)
rules.add_perm("resettlement.create_borough_offer", is_borough_officer)
rules.add_perm("resettlement.manage_sponsorship", is_gla_officer)


@rules.predicate
def may_edit_offer(user, offer):
    return offer is not None and offer_may_edit(offer=offer, user=user)


@rules.predicate
def may_transition_offer(user, offer):
    return offer is not None and bool(transitions_available(offer=offer, user=user, for_form=True))


@rules.predicate
def may_record_arrival(user, offer):
    return offer is not None and user.is_gla_officer and offer.status in ARRIVAL_STATUSES


rules.add_perm("resettlement.change_offer", may_edit_offer)
rules.add_perm("resettlement.transition_offer", may_transition_offer)
rules.add_perm("resettlement.record_arrival", may_record_arrival)
