"""The rows of an offer's GOV.UK summary list, shared by the detail and check-your-answers
pages. A row may carry a Change link to the question on the edit page."""

from dataclasses import dataclass

from django.utils.dateformat import format as format_date

from .models import NOT_ANSWERED


@dataclass
class SummaryRow:
    key: str
    value: str
    change_href: str = ""


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def offer_summary_rows(offer, change_url: str = "") -> list[SummaryRow]:
    def row(key, value, field="", optional=False, blank=False):
        href = f"{change_url}#div_id_{field}" if change_url and field else ""
        if value in (None, ""):
            # A number left blank stays blank: it is not "0" and not "None".
            value = "" if blank else "None" if optional else NOT_ANSWERED
        return SummaryRow(key, str(value), href)

    def date_or_none(day):
        return format_date(day, "j F Y") if day else None

    rows = []
    if offer.is_sponsorship:
        rows += [row("Community sponsorship group", offer.sponsorship_group),
                 row("Supporting borough", offer.borough),
                 row("Borough consent given on", format_date(offer.borough_consent_on, "j F Y"))]
    else:
        rows.append(row("Borough", offer.borough))
        rows.append(row("Scheme", offer.get_scheme_display(), "scheme"))
    rows += [
        row("Financial year", offer.financial_year_display, "financial_year"),
        row("Households offered", offer.households_offered, "households_offered"),
        row("People offered", offer.people_offered, "people_offered"),
        row("Number of properties", offer.properties_offered, "properties_offered"),
        row("Size of the properties", offer.get_property_size_display(), "property_size"),
        row("Access", offer.get_access_display(), "access"),
        row("Available from", date_or_none(offer.available_from), "available_from"),
        row("A dedicated caseworker", _yes_no(offer.support_caseworker), "support_caseworker"),
        row("ESOL places", offer.support_esol_places, "support_esol_places", blank=True),
        row("School places", offer.support_school_places, "support_school_places", blank=True),
        row("Help to register with a GP", _yes_no(offer.support_health_registration), "support_health_registration"),
        row("Other support", offer.support_other, "support_other", optional=True),
        row("Notes", offer.notes, "notes", optional=True),
    ]
    return rows
