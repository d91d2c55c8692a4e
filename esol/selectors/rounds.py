"""Reads of rounds and their funding. Rounds are the Migration Team's: GLA officers see them all,
no one else any (a grantee contact sees their own projects, not the round's books)."""

from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from funding.models import Decision, DecisionStatus, Line, LineDirection

from ..models import Project, Round, RoundFunding
from ..models.projects import GRANT_HOLDING_STATUSES

MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def _sum_of(queryset, field: str):
    """A correlated sum, so two totals over different tables never multiply each other's rows."""
    total = queryset.order_by().values("round").annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total, output_field=MONEY), ZERO)


def with_totals(rounds: QuerySet) -> QuerySet:
    return rounds.annotate(
        awarded_total=_sum_of(Project.objects.filter(round=OuterRef("pk"), status__in=GRANT_HOLDING_STATUSES),
                              "grant_awarded"),
        funded_total=_sum_of(RoundFunding.objects.filter(round=OuterRef("pk")), "amount"),
    )


def rounds_for_user(user) -> QuerySet:
    return with_totals(Round.objects.visible_to(user)).order_by("-opens_on", "name", "pk")


def round_funding(round_: Round) -> list[RoundFunding]:
    return list(RoundFunding.objects.filter(round=round_)
                .select_related("line", "line__decision", "line__source_organisation").order_by("pk"))


# The round forms offer this many lines at most: every signed decision's expenditure lines, ever,
# run to thousands within a few years of the register.
FUNDABLE_LINES_SHOWN = 200


def fundable_lines():
    """What may fund a round: expenditure lines of signed decisions with money not yet given to
    rounds (a line is never given out twice over), the newest decisions' first, at most
    FUNDABLE_LINES_SHOWN; each with `left`, what is still to give."""
    given = (RoundFunding.objects.filter(line=OuterRef("pk")).order_by().values("line")
             .annotate(total=Sum("amount")).values("total"))
    lines = (Line.objects.filter(direction=LineDirection.EXPENDITURE, decision__status=DecisionStatus.SIGNED)
             .annotate(left=F("amount") - Coalesce(Subquery(given, output_field=MONEY), ZERO))
             .filter(left__gt=0))
    order = ("-decision__date_signed", "decision__reference_code", "pk")
    newest = lines.order_by(*order).values("pk")[:FUNDABLE_LINES_SHOWN]
    return lines.filter(pk__in=newest).select_related("decision", "source_organisation").order_by(*order)


def funding_by_decision(decision: Decision) -> list[RoundFunding]:
    """What a decision's expenditure lines give to rounds, with each round's awarded total: the
    chain from the decisions register to the rounds."""
    fundings = (RoundFunding.objects.filter(line__decision=decision)
                .select_related("line", "round").order_by("line__pk", "round__name"))
    awarded = {r.pk: r for r in with_totals(Round.objects.filter(pk__in=[f.round_id for f in fundings]))}
    result = list(fundings)
    for funding in result:
        funding.round = awarded[funding.round_id]
    return result


def round_for_page(user, pk: int) -> QuerySet:
    return rounds_for_user(user).filter(pk=pk)


def funding_of_round(round_: Round) -> QuerySet:
    return RoundFunding.objects.filter(round=round_)


def projects_of_round(round_: Round) -> QuerySet:
    return Project.objects.filter(round=round_).for_listing()
