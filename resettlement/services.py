"""Every write of the resettlement app that is more than a form save: creating and editing
offers, the review workflow (one transition table), arrivals, sponsorship groups, and the
notices each change owes "the other side" through the outbox."""

from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import Organisation, OrganisationKind, Role, User
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue
from partnership.search.services import search_index

from .models import Arrival, OfferStatus, OfferTransition, ResettlementOffer, Scheme
from .rules import ARRIVAL_STATUSES, OFFER_MACHINE, S, may_make, offer_may_edit

# --- who hears about a change -------------------------------------------------------------

def coordinator_emails() -> list[str]:
    """The resettlement coordinator: RESETTLEMENT_COORDINATOR_EMAIL when set, otherwise every
    active GLA officer (the Migration Team shares the role until the post is filled)."""
    if settings.RESETTLEMENT_COORDINATOR_EMAIL:
        return [settings.RESETTLEMENT_COORDINATOR_EMAIL]
    group = Group.objects.filter(name=Role.GLA_OFFICER).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True).order_by("email").values_list("email", flat=True))


def borough_officer_emails(borough: Organisation) -> list[str]:
    return list(User.objects.filter(is_active=True, organisation=borough, groups__name=Role.BOROUGH_OFFICER)
                .order_by("email").values_list("email", flat=True).distinct())


def offer_link(offer) -> str:
    return portal_link(reverse("resettlement:offer_detail", args=[offer.pk]))


def _notify_other_side(*, offer: ResettlementOffer, transition: OfferTransition, actor: User) -> int:
    # A GLA officer's change is news for the borough; a borough's change is news for the GLA.
    recipients = borough_officer_emails(offer.borough) if actor.is_gla_officer else coordinator_emails()
    subject = (f"Resettlement offer {offer.reference} ({offer.offered_by}) is now "
               f"{transition.get_to_status_display().lower()}")
    body = render_to_string("resettlement/offers/email/status_changed.txt",
                            {"offer": offer, "transition": transition, "link": offer_link(offer)})
    written = 0
    for email in recipients:
        if email == actor.email:
            continue
        row = notification_enqueue(kind="resettlement.offer_status", subject_key=f"resettlement.offer:{offer.pk}",
                                   slot=f"transition-{transition.pk}", recipient_email=email,
                                   subject=subject, body_text=body)
        written += row is not None
    return written


# --- writes -------------------------------------------------------------------------------

OFFER_FIELDS = ("scheme", "financial_year", "households_offered", "people_offered", "properties_offered",
                "property_size", "access", "available_from", "support_caseworker", "support_esol_places",
                "support_school_places", "support_health_registration", "support_other", "notes")


def _check_offer_figures(values: dict) -> None:
    households, people = values.get("households_offered"), values.get("people_offered")
    if households is not None and people is not None and people < households:
        raise ValidationError({"people_offered": "People offered must be at least the number of households."})


@transaction.atomic
def offer_create_for_borough(*, by: User, **values) -> ResettlementOffer:
    """A borough officer's draft offer. The borough comes from the account, never the form."""
    if by.borough is None:
        raise ValidationError("Only a borough officer can make an offer for a borough.")
    if values.get("scheme") == Scheme.COMMUNITY_SPONSORSHIP:
        raise ValidationError({"scheme": "Community sponsorship offers are recorded by the GLA for the group."})
    _check_offer_figures(values)
    offer = ResettlementOffer.objects.create(
        borough=by.borough, created_by=by, status=S.DRAFT,
        **{key: values[key] for key in OFFER_FIELDS if key in values})
    search_index(offer)
    return offer


@transaction.atomic
def offer_create_for_sponsorship_group(*, by: User, sponsorship_group: Organisation, borough: Organisation,
                                       borough_consent_on: date, **values) -> ResettlementOffer:
    if not by.is_gla_officer:
        raise ValidationError("Only GLA officers record community sponsorship offers.")
    if sponsorship_group.kind != OrganisationKind.SPONSORSHIP_GROUP:
        raise ValidationError({"sponsorship_group": "Choose a community sponsorship group."})
    if not borough.is_borough:
        raise ValidationError({"borough": "Choose the supporting London borough."})
    _check_offer_figures(values)
    values["scheme"] = Scheme.COMMUNITY_SPONSORSHIP
    offer = ResettlementOffer.objects.create(
        borough=borough, sponsorship_group=sponsorship_group, borough_consent_on=borough_consent_on,
        created_by=by, status=S.DRAFT, **{key: values[key] for key in OFFER_FIELDS if key in values})
    search_index(offer)
    return offer


@transaction.atomic
def offer_update(*, offer: ResettlementOffer, by: User, **values) -> ResettlementOffer:
    """Changes a draft. Borough, status and the group are never among what can change here."""
    offer = ResettlementOffer.objects.select_for_update().get(pk=offer.pk)
    if not offer_may_edit(offer=offer, user=by):
        raise ValidationError("Only a draft offer can be changed, and only by whoever makes it.")
    if offer.is_sponsorship:
        values["scheme"] = Scheme.COMMUNITY_SPONSORSHIP
        if values.get("borough_consent_on"):
            offer.borough_consent_on = values["borough_consent_on"]
    elif values.get("scheme") == Scheme.COMMUNITY_SPONSORSHIP:
        raise ValidationError({"scheme": "Community sponsorship offers are recorded by the GLA for the group."})
    _check_offer_figures(values)
    for key in OFFER_FIELDS:
        if key in values:
            setattr(offer, key, values[key])
    offer.save()
    search_index(offer)
    return offer


@transaction.atomic
def offer_transition(*, offer: ResettlementOffer, to_status: str, by: User, note: str = "",
                     now: datetime | None = None) -> OfferTransition:
    """Moves an offer along one allowed transition, records it and tells the other side,
    all in one transaction. Anything not in the offer machine (rules.py) is refused."""
    # Lock the offer row only: Postgres cannot lock the nullable side of the group's outer join.
    offer = (ResettlementOffer.objects.select_for_update(of=("self",))
             .select_related("borough", "sponsorship_group").get(pk=offer.pk))
    transition = OFFER_MACHINE.get(offer.status, to_status)
    if transition is None:
        raise ValidationError(f"An offer that is {offer.get_status_display().lower()} cannot become "
                              f"{OfferStatus(to_status).label.lower() if to_status in S.values else to_status}.")
    if not may_make(transition=transition, offer=offer, user=by):
        raise ValidationError("You cannot make this change to this offer.")
    note = note.strip()
    if transition.note_required and not note:
        raise ValidationError({"note": "Give the reason for declining the offer."})
    if to_status == S.SUBMITTED and offer.missing_answers:
        raise ValidationError("Answer every question before submitting the offer. Still to answer: "
                              + ", ".join(offer.missing_answers).lower() + ".")
    if to_status == S.ARRIVED and not offer.arrivals.exists():
        raise ValidationError("Record an arrival first: an offer becomes arrived when a household arrives.")
    now = now or timezone.now()
    record = OfferTransition.objects.create(offer=offer, from_status=offer.status, to_status=to_status,
                                            by=by, at=now, note=note)
    offer.status = to_status
    offer.status_changed_at = now
    offer.save(update_fields=["status", "status_changed_at"])
    search_index(offer)
    _notify_other_side(offer=offer, transition=record, actor=by)
    return record


@transaction.atomic
def arrival_record(*, offer: ResettlementOffer, arrived_on: date, household_size: int, by: User) -> Arrival:
    """A household arrived against a matched offer: counts only. The first arrival moves the
    offer from matched to arrived."""
    offer = ResettlementOffer.objects.select_for_update().get(pk=offer.pk)
    if not by.is_gla_officer:
        raise ValidationError("Only GLA officers record arrivals.")
    if offer.status not in ARRIVAL_STATUSES:
        raise ValidationError("Arrivals can only be recorded against a matched offer.")
    if arrived_on > timezone.localdate():
        raise ValidationError({"arrived_on": "The arrival date must be today or in the past."})
    if household_size < 1:
        raise ValidationError({"household_size": "A household has at least 1 person."})
    if offer.arrivals.count() >= offer.households_offered:
        raise ValidationError(f"This offer was for {offer.households_offered} households and all have arrived.")
    arrival = Arrival.objects.create(offer=offer, arrived_on=arrived_on, household_size=household_size,
                                     recorded_by=by)
    if offer.status == S.MATCHED:
        offer_transition(offer=offer, to_status=S.ARRIVED, by=by,
                         note=f"Household of {household_size} arrived on {arrived_on:%d %B %Y}.")
    return arrival


def sponsorship_group_create(*, name: str, website: str = "", notes: str = "", by: User) -> Organisation:
    if not by.is_gla_officer:
        raise ValidationError("Only GLA officers record community sponsorship groups.")
    if Organisation.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "An organisation with this name exists already."})
    return Organisation.objects.create(name=name.strip(), website=website, notes=notes,
                                       kind=OrganisationKind.SPONSORSHIP_GROUP)
