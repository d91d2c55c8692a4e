"""Writes to rounds and to the decision lines that fund them, and the two money rules:

1. the grants awarded in a round (its projects that are not withdrawn) never exceed its budget;
2. a round's budget never exceeds what the expenditure lines of its decisions give it, and no
   line ever gives out more than its amount across all the rounds it funds.

Each rule needs more than one row, so each write takes row locks first and checks after writing,
inside one transaction: the round's row for rule 1 and its own side of rule 2, and the funding
line's row for what the line has given out (select_for_update on Postgres; SQLite's write lock
is taken at the start of every transaction). Locks are always taken round first, line second, so
two writes cannot wait on each other in a circle. A refused write is undone whole."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from funding.models import DecisionStatus, Line, LineDirection
from partnership.search.services import search_index

from ..models import Project, Round, RoundFunding

ZERO = Decimal("0.00")
ROUND_FIELDS = ("name", "purpose", "barriers", "budget", "opens_on", "closes_on", "closing_time", "grant_min",
                "grant_max", "status", "notes")


def _locked_round(round_: Round) -> Round:
    return Round.objects.select_for_update().get(pk=round_.pk)


def _locked_line(line: Line) -> Line:
    return Line.objects.select_for_update().select_related("decision").get(pk=line.pk)


def awarded_total(round_: Round) -> Decimal:
    return Project.objects.filter(round=round_).holding_grants().aggregate(
        total=Sum("grant_awarded"))["total"] or ZERO


def funded_total(round_: Round) -> Decimal:
    return RoundFunding.objects.filter(round=round_).aggregate(total=Sum("amount"))["total"] or ZERO


def given_out(line: Line) -> Decimal:
    return RoundFunding.objects.filter(line=line).aggregate(total=Sum("amount"))["total"] or ZERO


def check_grants_within_budget(round_: Round) -> None:
    """Rule 1. A round with no budget recorded can award nothing."""
    awarded = awarded_total(round_)
    if awarded == ZERO:
        return
    if round_.budget is None:
        raise ValidationError({"grant_awarded": f"{round_.name} has no budget recorded: record its budget "
                                                "before awarding grants."})
    if awarded > round_.budget:
        raise ValidationError({"grant_awarded": (
            f"Grants in {round_.name} would come to £{awarded:,.2f}, more than its budget of "
            f"£{round_.budget:,.2f}. Lower the grant, or raise the round's budget first.")})


def check_budget_funded(round_: Round) -> None:
    """Rule 2, the round's side: its budget is covered by the lines that fund it."""
    if round_.budget is None:
        return
    funded = funded_total(round_)
    if round_.budget > funded:
        raise ValidationError({"budget": (
            f"The budget of {round_.name} would be £{round_.budget:,.2f}, more than its funding decisions' "
            f"lines give it (£{funded:,.2f}). Add funding from a signed decision's expenditure line first.")})


def check_line_not_overcommitted(line: Line) -> None:
    """Rule 2, the line's side: a line gives out no more than its amount across every round."""
    total = given_out(line)
    if total > line.amount:
        raise ValidationError({"amount": (
            f"{line.decision.reference_code}'s line \"{line.purpose}\" is £{line.amount:,.2f}; rounds would be "
            f"given £{total:,.2f} of it. Give less, or fund the rest from another line.")})


def _check_fundable(line: Line) -> None:
    if line.direction != LineDirection.EXPENDITURE:
        raise ValidationError({"line": "Choose an expenditure line: income pays for nothing by itself."})
    if line.decision.status != DecisionStatus.SIGNED:
        raise ValidationError({"line": f"{line.decision.reference_code} is not signed: only a signed decision's "
                                       "money can fund a round."})


def _set_fields(round_: Round, fields: dict) -> None:
    unknown = set(fields) - set(ROUND_FIELDS)
    if unknown:
        raise ValueError(f"not a round field: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(round_, name, value)


def round_create(*, line: Line | None = None, amount: Decimal | None = None, **fields) -> Round:
    """A round, funded from the start by `amount` (by default its whole budget) of `line`."""
    with transaction.atomic():
        round_ = Round()
        _set_fields(round_, fields)
        round_.full_clean()
        round_.save()
        if line is not None:
            _fund(round_, line, amount if amount is not None else round_.budget)
        check_budget_funded(round_)
        search_index(round_)
    return round_


def round_update(*, round_: Round, **fields) -> Round:
    with transaction.atomic():
        current = _locked_round(round_)
        _set_fields(current, fields)
        current.full_clean()
        current.save()
        check_budget_funded(current)
        check_grants_within_budget(current)
        search_index(current)
    return current


def _fund(round_: Round, line: Line, amount) -> RoundFunding:
    line = _locked_line(line)
    _check_fundable(line)
    if amount is None or amount <= 0:
        raise ValidationError({"amount": "Enter an amount of at least £0.01."})
    if RoundFunding.objects.filter(round=round_, line=line).exists():
        raise ValidationError({"line": "This line funds the round already: remove it first to give another amount."})
    funding = RoundFunding.objects.create(round=round_, line=line, amount=amount)
    check_line_not_overcommitted(line)
    return funding


def round_funding_add(*, round_: Round, line: Line, amount: Decimal) -> RoundFunding:
    with transaction.atomic():
        current = _locked_round(round_)
        return _fund(current, line, amount)


def round_funding_remove(*, funding: RoundFunding) -> None:
    """Refused when the round's budget would no longer be covered: lower the budget first."""
    with transaction.atomic():
        current = _locked_round(funding.round)
        RoundFunding.objects.filter(pk=funding.pk).delete()
        check_budget_funded(current)
