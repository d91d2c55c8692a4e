"""Dashboard panel for GLA officers: decisions by status (see lsmp.dashboard)."""

from django.urls import reverse

from .selectors import officer_counts


def panels(user):
    if not user.has_perm("funding.view_all_decisions"):
        return []
    counts = officer_counts()
    base = reverse("funding:decision_list")
    rows = [(label, counts[status], f"{base}?status={status}") for status, label in (
        ("draft", "Draft decisions"), ("awaiting_signature", "Awaiting signature"), ("signed", "Signed"))]
    rows.append(("Risks", "Risk register", reverse("funding:risk_register")))
    return [{"title": "Funding decisions", "rows": rows}]
