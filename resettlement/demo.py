"""Demo resettlement offers: several boroughs (Camden and Hackney among them) and two
community sponsorship groups, across the current and previous financial years, in every
status, with their history and arrivals. Idempotent: an offer is found by its borough, group,
scheme, year and available-from date and is only built (with its history) the first time."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from partnership.common import financial_years
from partnership.models import Organisation, OrganisationKind, User

from .models import (
    Access,
    Arrival,
    OfferStatus,
    OfferTransition,
    PropertySize,
    ResettlementOffer,
    Scheme,
)

S = OfferStatus

# The path an offer takes to reach each status (every step is in rules.OFFER_MACHINE).
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.UNDER_REVIEW: [S.SUBMITTED, S.UNDER_REVIEW],
    S.ACCEPTED: [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED],
    S.MATCHED: [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED, S.MATCHED],
    S.ARRIVED: [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED, S.MATCHED, S.ARRIVED],
    S.CLOSED: [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED, S.MATCHED, S.ARRIVED, S.CLOSED],
    S.WITHDRAWN: [S.SUBMITTED, S.UNDER_REVIEW, S.WITHDRAWN],
    S.DECLINED: [S.SUBMITTED, S.UNDER_REVIEW, S.DECLINED],
}
NOTES = {
    S.UNDER_REVIEW: "Property details checked with the housing team.",
    S.ACCEPTED: "Meets the Home Office property standard.",
    S.MATCHED: "Matched with a household referred by the Home Office.",
    S.CLOSED: "Support period complete; offer closed.",
    S.WITHDRAWN: "The landlord withdrew the property.",
    S.DECLINED: "The property is not within reach of the school places offered.",
}

# borough, sponsorship group, years back (0 = this financial year), scheme, status,
# households, people, properties, size, access, days from the start of the year
OFFERS = [
    ("Camden", None, 1, Scheme.UK_RESETTLEMENT, S.CLOSED, 2, 9, 2, PropertySize.THREE_BED, Access.NONE, 60),
    ("Camden", None, 1, Scheme.AFGHAN, S.ARRIVED, 1, 6, 1, PropertySize.FOUR_BED, Access.STEP_FREE, 120),
    ("Camden", None, 0, Scheme.UK_RESETTLEMENT, S.MATCHED, 1, 4, 1, PropertySize.TWO_BED, Access.NONE, 90),
    ("Camden", None, 0, Scheme.AFGHAN, S.UNDER_REVIEW, 2, 7, 2, PropertySize.MIXED, Access.NONE, 200),
    ("Camden", None, 0, Scheme.UK_RESETTLEMENT, S.DRAFT, 1, 5, 1, PropertySize.THREE_BED, Access.ADAPTED, 300),
    ("Hackney", None, 1, Scheme.UK_RESETTLEMENT, S.ARRIVED, 3, 12, 3, PropertySize.MIXED, Access.NONE, 45),
    ("Hackney", None, 1, Scheme.OTHER, S.DECLINED, 1, 2, 1, PropertySize.ONE_BED, Access.NONE, 150),
    ("Hackney", None, 0, Scheme.AFGHAN, S.ACCEPTED, 2, 10, 2, PropertySize.FOUR_BED, Access.STEP_FREE, 30),
    ("Hackney", None, 0, Scheme.UK_RESETTLEMENT, S.SUBMITTED, 1, 3, 1, PropertySize.TWO_BED, Access.NONE, 240),
    ("Hackney", None, 0, Scheme.UK_RESETTLEMENT, S.DRAFT, 1, 4, 1, PropertySize.TWO_BED, Access.NONE, 330),
    ("Islington", None, 1, Scheme.AFGHAN, S.WITHDRAWN, 1, 5, 1, PropertySize.THREE_BED, Access.NONE, 100),
    ("Islington", None, 0, Scheme.UK_RESETTLEMENT, S.MATCHED, 2, 8, 2, PropertySize.THREE_BED, Access.NONE, 70),
    ("Newham", None, 1, Scheme.UK_RESETTLEMENT, S.CLOSED, 4, 15, 4, PropertySize.MIXED, Access.STEP_FREE, 20),
    ("Newham", None, 0, Scheme.AFGHAN, S.UNDER_REVIEW, 3, 14, 3, PropertySize.FIVE_PLUS, Access.NONE, 110),
    ("Croydon", None, 1, Scheme.AFGHAN, S.ARRIVED, 2, 9, 2, PropertySize.FOUR_BED, Access.NONE, 80),
    ("Croydon", None, 0, Scheme.OTHER, S.SUBMITTED, 1, 3, 1, PropertySize.TWO_BED, Access.ADAPTED, 180),
    ("Lambeth", None, 0, Scheme.UK_RESETTLEMENT, S.DECLINED, 1, 4, 1, PropertySize.TWO_BED, Access.NONE, 60),
    ("Ealing", None, 1, Scheme.UK_RESETTLEMENT, S.ACCEPTED, 2, 6, 2, PropertySize.TWO_BED, Access.NONE, 250),
    ("Camden", "Kentish Town Community Sponsors", 1, Scheme.COMMUNITY_SPONSORSHIP, S.CLOSED, 1, 5, 1,
     PropertySize.THREE_BED, Access.NONE, 40),
    ("Hackney", "Stoke Newington Welcome Group", 0, Scheme.COMMUNITY_SPONSORSHIP, S.ACCEPTED, 1, 4, 1,
     PropertySize.TWO_BED, Access.NONE, 160),
    ("Hackney", "Stoke Newington Welcome Group", 0, Scheme.COMMUNITY_SPONSORSHIP, S.DRAFT, 1, 3, 1,
     PropertySize.TWO_BED, Access.NONE, 320),
]


def _officers():
    gla = User.objects.filter(email="officer@example.org").first()
    by_borough = {user.organisation.name: user for user in
                  User.objects.filter(email__in=["camden@example.org", "hackney@example.org"])
                  .select_related("organisation")}
    return gla, by_borough


def _build_history(offer, status, gla, owner, start):
    moment = timezone.make_aware(datetime.combine(start, time(10, 0)))
    path = PATHS[status]
    previous = S.DRAFT
    for step, target in enumerate(path):
        # A week between steps, but never in the future: the latest steps crowd up to today.
        at = min(moment + timedelta(days=7 * step), timezone.now() - timedelta(days=len(path) - step))
        if target == S.ARRIVED:
            household_sizes = _split(offer.people_offered, offer.households_offered)
            for index, size in enumerate(household_sizes):
                Arrival.objects.create(offer=offer, arrived_on=(at + timedelta(days=index)).date(),
                                       household_size=size, recorded_by=gla)
        by = owner if target in (S.SUBMITTED, S.WITHDRAWN) else gla
        OfferTransition.objects.create(offer=offer, from_status=previous, to_status=target, by=by, at=at,
                                       note=NOTES.get(target, ""))
        previous = target
        offer.status_changed_at = at
    offer.status = status
    offer.save(update_fields=["status", "status_changed_at"])


def _split(people, households):
    base, extra = divmod(people, households)
    return [base + (1 if index < extra else 0) for index in range(households)]


@transaction.atomic
def seed(*, log, password: str) -> None:
    gla, borough_officers = _officers()
    if gla is None:
        log("  resettlement: no GLA demo officer; skipped")
        return
    this_year = financial_years.year_of(timezone.localdate())
    created = 0
    for (borough_name, group_name, years_back, scheme, status, households, people, properties, size, access,
         day) in OFFERS:
        borough = Organisation.objects.get(kind=OrganisationKind.BOROUGH, name=borough_name)
        group = None
        if group_name:
            group, _ = Organisation.objects.get_or_create(
                name=group_name, defaults={"kind": OrganisationKind.SPONSORSHIP_GROUP})
        year = this_year - years_back
        available_from = date(year, 4, 1) + timedelta(days=day)
        offer, was_created = ResettlementOffer.objects.get_or_create(
            borough=borough, sponsorship_group=group, scheme=scheme, financial_year=year,
            available_from=available_from,
            defaults={
                "households_offered": households, "people_offered": people, "properties_offered": properties,
                "property_size": size, "access": access, "borough_consent_on": date(year, 4, 1) if group else None,
                "support_caseworker": True, "support_esol_places": people // 2,
                "support_school_places": max(people - 2 * households, 0),
                "support_health_registration": True,
                "notes": "Close to a primary school and a bus route.",
                "created_by": borough_officers.get(borough_name, gla) if not group else gla,
            })
        if was_created:
            owner = gla if group else borough_officers.get(borough_name, gla)
            start = available_from - timedelta(days=60)
            _build_history(offer, status, gla, owner, start)
            created += 1
    log(f"  {len(OFFERS)} resettlement offers ({created} new), every status, two financial years")
