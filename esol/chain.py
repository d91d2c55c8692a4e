"""The chain from the decisions register to ESOL Plus: a decision's page lists the rounds its
expenditure lines fund, with what each round was given and has awarded, through the section
funding lets other apps add (funding.decision_panels), so funding never imports esol."""

from decimal import Decimal

from funding.decision_panels import register_decision_panel as register

from .selectors.rounds import funding_by_decision

TEMPLATE = "esol/rounds/_decision_panel.html"


def decision_panel_context(decision, user) -> dict | None:
    fundings = funding_by_decision(decision)
    if not fundings:
        return None
    lines = {}
    for funding in fundings:
        entry = lines.setdefault(funding.line_id, {"line": funding.line, "fundings": [], "given": Decimal("0.00")})
        entry["fundings"].append(funding)
        entry["given"] += funding.amount
    return {"lines": list(lines.values()), "given_total": sum((f.amount for f in fundings), Decimal("0.00")),
            "show_round_links": user.has_perm("esol.view_rounds")}


def register_decision_panel() -> None:
    register(TEMPLATE, decision_panel_context)
