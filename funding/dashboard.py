"""Dashboard panel for GLA officers: decisions by status (see lsmp.dashboard)."""

from django.urls import reverse

from partnership.common.counts import counted, todo

from .selectors import officer_counts


def panels(user):
    if not user.has_perm("funding.view_all_decisions"):
        return []
    counts = officer_counts()
    base = reverse("funding:decision_list")
    rows = [(label, counted(counts[status], "decision"), f"{base}?status={status}") for status, label in (
        ("draft", "Draft decisions"), ("awaiting_signature", "Awaiting signature"), ("signed", "Signed"))]
    rows.append(("Risks", "Risk register", reverse("funding:risk_register")))
    lines = [todo(counts["awaiting_signature"], "decision waiting for signature", "decisions waiting for signature",
                  f"{base}?status=awaiting_signature")]
    return [{"title": "Funding decisions", "rows": rows, "todo": lines}]
