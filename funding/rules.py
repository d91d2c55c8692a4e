"""Who may see or change what in funding (django-rules). The register and signed decisions are
public; drafting, editing, signing and Part 2 are for GLA officers only."""

import rules

from partnership.common.status_machine import StatusMachine, Transition
from partnership.rules import is_gla_officer

from .models import DecisionStatus

D = DecisionStatus
# The one transition table of a funding decision (GLA officers make them all). A signed decision is
# fixed: changing it needs a new decision that supersedes it.
DECISION_MACHINE = StatusMachine([
    Transition(D.DRAFT, D.AWAITING_SIGNATURE, verb="Submit for signature"),
    Transition(D.AWAITING_SIGNATURE, D.DRAFT, verb="Return to draft", note_required=True),
    Transition(D.AWAITING_SIGNATURE, D.SIGNED, verb="Record the signature"),
    Transition(D.DRAFT, D.WITHDRAWN, verb="Withdraw decision", note_required=True),
    Transition(D.AWAITING_SIGNATURE, D.WITHDRAWN, verb="Withdraw decision", note_required=True),
])

rules.add_perm("funding.view_part2", is_gla_officer)
rules.add_perm("funding.manage_decisions", is_gla_officer)
rules.add_perm("funding.view_risk_register", is_gla_officer)
rules.add_perm("funding.view_all_decisions", is_gla_officer)
rules.add_perm("funding.manage_streams", is_gla_officer)
