"""Who may do what with resettlement offers (django-rules). Views check these AND fetch objects
through ResettlementOffer.objects.visible_to(user): an offer outside the scope answers 404."""

import rules

from partnership.rules import is_borough_officer, is_gla_officer

from . import services

rules.add_perm("resettlement.view_offers", is_gla_officer | is_borough_officer)
rules.add_perm("resettlement.create_borough_offer", is_borough_officer)
rules.add_perm("resettlement.manage_sponsorship", is_gla_officer)


@rules.predicate
def may_edit_offer(user, offer):
    return offer is not None and services.offer_may_edit(offer=offer, user=user)


@rules.predicate
def may_transition_offer(user, offer):
    return offer is not None and bool(services.transitions_available(offer=offer, user=user, for_form=True))


@rules.predicate
def may_record_arrival(user, offer):
    return offer is not None and user.is_gla_officer and offer.status in services.ARRIVAL_STATUSES


rules.add_perm("resettlement.change_offer", may_edit_offer)
rules.add_perm("resettlement.transition_offer", may_transition_offer)
rules.add_perm("resettlement.record_arrival", may_record_arrival)
