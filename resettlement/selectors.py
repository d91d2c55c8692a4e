"""Reads the views list: always starting from ResettlementOffer.objects.visible_to(user), with
a fixed number of queries however many offers there are."""

from dataclasses import dataclass, field

from django.db.models import Count, Sum

from partnership.common import financial_years
from partnership.common.counts import Total, panel_figures
from partnership.models import Organisation, OrganisationKind

from .models import (
    NOT_ANSWERED,
    Arrival,
    OfferStatus,
    OfferTransition,
    ResettlementOffer,
    Scheme,
)


def offers_for_user(user):
    return ResettlementOffer.objects.visible_to(user).for_listing()


def offers_in_figures(offers, *, status_chosen: bool):
    """The offers the figures count: without a status filter, the pledges only (not drafts,
    withdrawn or declined offers); with one, the offers of the statuses chosen."""
    return offers if status_chosen else offers.pledged()


def offer_arrivals(offer):
    """The arrivals recorded against an offer already in the user's scope, earliest first."""
    return Arrival.objects.filter(offer=offer)


def offer_transitions(offer):
    """The offer's status changes, oldest first, each with who made it."""
    return OfferTransition.objects.filter(offer=offer).select_related("by")


def sponsorship_groups_for_listing(user):
    """Community sponsorship groups by name, each with how many offers name it. GLA officers
    record and list them; anyone else is given none."""
    if not (user.is_authenticated and user.is_gla_officer):
        return Organisation.objects.none()
    return (Organisation.objects.filter(kind=OrganisationKind.SPONSORSHIP_GROUP)
            .annotate(offer_count=Count("sponsorship_offers")).order_by("name", "pk"))


@dataclass
class FigureRow:
    label: str
    offers: int = 0
    households_pledged: int = 0
    people_pledged: int = 0
    households_arrived: int = 0
    people_arrived: int = 0

    @property
    def people_still_to_arrive(self):
        return max(self.people_pledged - self.people_arrived, 0)


@dataclass
class FigureTable:
    dimension: str  # "borough", "scheme", "financial_year"
    title: str
    rows: list[FigureRow] = field(default_factory=list)

    @property
    def total(self) -> FigureRow:
        total = FigureRow("Total")
        for row in self.rows:
            for name in ("offers", "households_pledged", "people_pledged", "households_arrived", "people_arrived"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total

    @property
    def chart_max(self) -> int:
        return max([row.people_pledged for row in self.rows] + [row.people_arrived for row in self.rows] + [1])


DIMENSIONS = (
    ("borough", "By borough", "borough__name"),
    ("scheme", "By scheme", "scheme"),
    ("financial_year", "By financial year", "financial_year"),
)


def _label(dimension, value):
    if value in (None, ""):
        return NOT_ANSWERED  # only half-answered drafts, when a status filter asks for drafts
    if dimension == "scheme":
        return Scheme(value).label
    if dimension == "financial_year":
        return financial_years.label(value)
    return value


def pledge_figures(offers) -> list[FigureTable]:
    """Offers and people pledged against arrivals, by borough, scheme and financial year.

    `offers` is an already scoped and filtered queryset. Two grouped queries per table (offers,
    then arrivals), so the count does not grow with the data; arrivals are summed on their own
    so that an offer with several arrivals is not counted twice."""
    tables = []
    for dimension, title, key in DIMENSIONS:
        pledged = (offers.order_by().values(key)
                   .annotate(n=Count("pk"), households=Sum("households_offered"), people=Sum("people_offered")))
        arrived = (Arrival.objects.filter(offer__in=offers.order_by().values("pk")).order_by()
                   .values(f"offer__{key}")
                   .annotate(households=Count("pk"), people=Sum("household_size")))
        rows: dict = {}
        for item in pledged:
            row = rows.setdefault(item[key], FigureRow(_label(dimension, item[key])))
            row.offers = item["n"]
            row.households_pledged, row.people_pledged = item["households"] or 0, item["people"] or 0
        for item in arrived:
            value = item[f"offer__{key}"]
            row = rows.setdefault(value, FigureRow(_label(dimension, value)))
            row.households_arrived, row.people_arrived = item["households"], item["people"] or 0
        if dimension == "financial_year":
            ordered = [rows[value] for value in sorted(rows, key=lambda year: (year is None, year or 0))]
        else:
            ordered = sorted(rows.values(), key=lambda row: row.label)
        tables.append(FigureTable(dimension, title, ordered))
    return tables


def dashboard_counts(user, today) -> dict:
    """The dashboard panel's figures, through the same scope as the lists (docs/decisions/0011):
    the counts capped ("more than 99"), each read from offer_scope_idx or
    offer_status_available_idx; the people pledged summed from offer_scope_idx alone (it
    carries people_offered), an index-only scan. All in one query."""
    scoped = ResettlementOffer.objects.visible_to(user)
    figures = {status: scoped.filter(status=status)
               for status in (OfferStatus.DRAFT, OfferStatus.SUBMITTED, OfferStatus.UNDER_REVIEW, OfferStatus.ACCEPTED)}
    figures["unmatched_past"] = scoped.awaiting_match_past(today)
    figures["people_pledged"] = Total(scoped.pledged(), "people_offered")
    return panel_figures(figures)
