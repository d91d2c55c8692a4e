"""The offers as CSV: the filtered list (streamed from the database a chunk at a time: a year's
100,000 offers) and one offer with its history."""

from django.utils import timezone

from partnership.common.csv_export import EXPORT_CHUNK, csv_response

OFFER_CSV_HEADER = ["Reference", "Borough", "Sponsorship group", "Scheme", "Financial year", "Status",
                    "Households offered", "People offered", "Properties", "Property size", "Access",
                    "Available from", "Caseworker", "ESOL places", "School places", "GP registration",
                    "Other support"]


def offer_csv_row(offer) -> list:
    return [offer.reference, offer.borough.name, offer.sponsorship_group.name if offer.sponsorship_group else "",
            offer.get_scheme_display(), offer.financial_year_display, offer.get_status_display(),
            offer.households_offered, offer.people_offered, offer.properties_offered,
            offer.get_property_size_display(), offer.get_access_display(),
            offer.available_from.isoformat() if offer.available_from else "",
            "Yes" if offer.support_caseworker else "No", offer.support_esol_places, offer.support_school_places,
            "Yes" if offer.support_health_registration else "No", offer.support_other]


def offer_list_csv(offers):
    """The (scoped, filtered) offers as a CSV download."""
    return csv_response(f"resettlement-offers-{timezone.localdate():%Y-%m-%d}.csv", OFFER_CSV_HEADER,
                        (offer_csv_row(offer) for offer in offers.iterator(chunk_size=EXPORT_CHUNK)))


def offer_csv(offer, *, transitions, arrivals):
    """One offer, its status changes and its arrivals, as a CSV download."""
    rows = [["Offer", *value] for value in zip(OFFER_CSV_HEADER, offer_csv_row(offer), strict=True)]
    rows += [["Status change", t.at.isoformat(timespec="minutes"),
              f"{t.get_from_status_display()} to {t.get_to_status_display()}", str(t.by), t.note]
             for t in transitions]
    rows += [["Arrival", a.arrived_on.isoformat(), f"{a.household_size} people"] for a in arrivals]
    return csv_response(f"resettlement-offer-{offer.reference}.csv", ["Section", "Item", "Value", "By", "Note"],
                        rows)
