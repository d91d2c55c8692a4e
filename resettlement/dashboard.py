"""The resettlement panel of the dashboard: counts through the same scope as the lists."""

from django.urls import reverse
from django.utils import timezone

from .models import financial_year_label, financial_year_of
from .navigation import works_on_resettlement
from .selectors import dashboard_counts


def panels(user):
    if not works_on_resettlement(user):
        return []
    counts = dashboard_counts(user, timezone.localdate())
    offers = reverse("resettlement:offer_list")
    year = financial_year_of(timezone.localdate())
    rows = []
    if user.borough is not None and not user.is_gla_officer:
        rows.append(("Draft offers", counts["drafts"], f"{offers}?status=draft"))
    rows += [
        ("Offers waiting for review", counts["awaiting_review"], f"{offers}?status=submitted"),
        ("Accepted, waiting for a match", counts["accepted"], f"{offers}?status=accepted"),
        ("Available but not yet matched", counts["unmatched_past"], None),
        ("People pledged, all years", counts["people_pledged"] or 0,
         reverse("resettlement:figures")),
        (f"Figures for {financial_year_label(year)}", "See pledges against arrivals",
         f"{reverse('resettlement:figures')}?financial_year={year}"),
    ]
    title = "Resettlement offers" if user.is_gla_officer else f"Resettlement offers from {user.borough}"
    return [{"title": title, "rows": rows}]
