"""The resettlement panel of the dashboard: counts through the same scope as the lists."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.counts import todo

from .navigation import works_on_resettlement
from .selectors import dashboard_counts


def panels(user):
    if not works_on_resettlement(user):
        return []
    counts = dashboard_counts(user, timezone.localdate())
    offers = reverse("resettlement:offer_list")
    rows = []

    def offers_in(status, label):
        count = counts[status]
        return (label, f"{count} offer{'s' if count != 1 else ''}", f"{offers}?status={status}")

    if user.borough is not None and not user.is_gla_officer:
        rows.append(offers_in("draft", "Drafts not yet submitted"))
    rows += [
        offers_in("submitted", "Submitted, waiting for review"),
        offers_in("under_review", "Under review"),
        offers_in("accepted", "Accepted, waiting for a match"),
        ("Available from a date now passed, not yet matched",
         f"{counts['unmatched_past']} offer{'s' if counts['unmatched_past'] != 1 else ''}", None),
        # The count is over all years, so the row names no year and links to all years' figures.
        ("Pledges against arrivals", f"{counts['people_pledged'] or 0} people pledged in all years",
         reverse("resettlement:figures")),
    ]
    title = "Resettlement offers" if user.is_gla_officer else f"Resettlement offers from {user.borough}"
    if user.is_gla_officer:
        lines = [todo(counts["submitted"], "offer waiting for review", "offers waiting for review",
                      f"{offers}?status=submitted")]
    else:
        lines = [todo(counts["draft"], "draft offer not yet submitted", "draft offers not yet submitted",
                      f"{offers}?status=draft")]
    return [{"title": title, "rows": rows, "todo": lines}]
