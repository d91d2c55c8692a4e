"""Reads the funding pages list, always scoped to the user and with the joins they need, so
the number of queries does not grow with the number of rows."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.urls import reverse

from partnership.common import financial_years
from partnership.common.bounded import bounded

from .models import (
    RELATION_INVERSE_LABELS,
    Decision,
    DecisionDocument,
    DecisionRelation,
    DecisionStatus,
    DocumentKind,
    FundingStream,
    Line,
    LineDirection,
    Risk,
    StreamAllocation,
)

ZERO = Decimal("0.00")


def can_see_part2(user) -> bool:
    return user.is_authenticated and user.has_perm("funding.view_part2")


def decisions_visible_to(user):
    """Every decision for GLA officers; the signed ones for everyone else."""
    return Decision.objects.visible_to(user)


def decisions_for_listing(user):
    return (Decision.objects.visible_to(user).with_totals().select_related("funding_stream")
            .order_by("status", "-date_signed", "-reference_code"))


def register_decisions(user):
    """The public register: signed decisions only, for everyone (officers use the list), each
    with its signed PDF to hand (signed documents are never confidential)."""
    signed_pdf = DecisionDocument.objects.filter(kind=DocumentKind.SIGNED)
    return (Decision.objects.signed().with_totals().select_related("funding_stream")
            .prefetch_related(Prefetch("documents", queryset=signed_pdf, to_attr="signed_documents"))
            .order_by("-date_signed", "-reference_code"))


@dataclass
class RegisterTotals:
    income: Decimal = ZERO
    expenditure: Decimal = ZERO
    decisions: int = 0


def register_totals(decisions) -> RegisterTotals:
    """The income and expenditure of every decision in the (filtered) register, in one query."""
    lines = Line.objects.filter(decision__in=decisions.order_by().values("pk"))
    figures = lines.aggregate(income=Sum("amount", filter=Q(direction=LineDirection.INCOME)),
                              expenditure=Sum("amount", filter=Q(direction=LineDirection.EXPENDITURE)))
    return RegisterTotals(income=figures["income"] or ZERO, expenditure=figures["expenditure"] or ZERO)


@dataclass
class SpendBar:
    year: str
    amount: Decimal


@dataclass
class StreamSpend:
    stream: str
    bars: list[SpendBar] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((bar.amount for bar in self.bars), ZERO)


@dataclass
class SpendChart:
    streams: list[StreamSpend]
    most: Decimal  # the longest bar, which the others are drawn against

    @property
    def years(self) -> list[str]:
        return sorted({bar.year for stream in self.streams for bar in stream.bars})


NO_STREAM = "No funding stream"


def signed_spend_chart(decisions) -> SpendChart:
    """Signed expenditure of the (filtered) register by funding stream and financial year: one
    grouped query, one row per stream and year (a handful of streams, a few years each)."""
    grouped = (Line.objects.filter(decision__in=decisions.order_by().values("pk"),
                                   decision__status=DecisionStatus.SIGNED, direction=LineDirection.EXPENDITURE)
               .values("decision__funding_stream__name", "financial_year")
               .annotate(amount=Sum("amount")).order_by("decision__funding_stream__name", "financial_year"))
    streams: dict[str, StreamSpend] = {}
    for row in grouped:
        name = row["decision__funding_stream__name"] or NO_STREAM
        streams.setdefault(name, StreamSpend(name)).bars.append(
            SpendBar(financial_years.label(row["financial_year"]), row["amount"]))
    # Named streams first, then the decisions without one.
    ordered = sorted(streams.values(), key=lambda s: (s.stream == NO_STREAM, s.stream))
    most = max((bar.amount for stream in ordered for bar in stream.bars), default=ZERO)
    return SpendChart(ordered, most)


def decision_for_page(user, reference_code: str):
    """One decision with everything its page shows, fetched through the user's scope."""
    visible = Decision.objects.visible_to(user)
    relations_visible = Q(to_decision__in=visible)
    return visible.select_related("funding_stream", "responsible_officer").prefetch_related(
        "items", "risks", "milestones",
        Prefetch("lines", queryset=_lines()),
        Prefetch("documents", queryset=DecisionDocument.objects.visible_to(user)),
        Prefetch("relations_out", queryset=DecisionRelation.objects.filter(relations_visible)
                 .select_related("to_decision")),
        Prefetch("relations_in", queryset=DecisionRelation.objects.filter(from_decision__in=visible)
                 .select_related("from_decision")),
    ).filter(reference_code=reference_code)


def documents_visible_to(user):
    """Documents the user may download, each with its decision (whose status decides caching)."""
    return DecisionDocument.objects.select_related("decision").visible_to(user)


def signed_document_and_appendices(decision) -> tuple[DecisionDocument | None, list[DecisionDocument]]:
    """The signed decision document (or None) and the other documents, from the documents
    decision_for_page fetched through the user's scope."""
    documents = list(decision.documents.all())
    signed = next((d for d in documents if d.kind == DocumentKind.SIGNED), None)
    return signed, [d for d in documents if d.kind != DocumentKind.SIGNED]


def appendices_of(decision, user):
    """The decision's documents other than the signed one (which is never removed), in scope."""
    return documents_visible_to(user).filter(decision=decision).exclude(kind=DocumentKind.SIGNED)


def part_owner_field(model) -> str:
    """The field that ties a part to its decision: a relation belongs to the decision it starts from."""
    return "from_decision" if model is DecisionRelation else "decision"


def parts_of(decision, model):
    """The decision's lines, risks, milestones, items or relations (model says which); the
    decision itself was found through the user's scope."""
    return model.objects.filter(**{part_owner_field(model): decision})


def _lines():
    from .models import Line

    return Line.objects.select_related("source_organisation").order_by("direction", "financial_year", "pk")


@dataclass
class TotalRow:
    source: str
    year: str
    income: Decimal = ZERO
    expenditure: Decimal = ZERO
    is_funder: bool = True

    @property
    def unspent(self) -> Decimal:
        return self.income - self.expenditure


@dataclass
class DecisionTotals:
    rows: list[TotalRow] = field(default_factory=list)
    by_year: list[TotalRow] = field(default_factory=list)
    income: Decimal = ZERO
    expenditure: Decimal = ZERO


def decision_totals(decision: Decision) -> DecisionTotals:
    """Totals by source and financial year, by year, and overall, from the prefetched lines."""
    by_source: dict[tuple, TotalRow] = {}
    by_year: dict[int, TotalRow] = {}
    totals = DecisionTotals()
    for line in decision.lines.all():
        key = (line.source_key, line.financial_year)
        row = by_source.setdefault(key, TotalRow(source=line.source_label, year=line.financial_year_display,
                                                 is_funder=bool(line.source_organisation_id)))
        year_row = by_year.setdefault(line.financial_year, TotalRow(source="All sources",
                                                                    year=line.financial_year_display))
        for target in (row, year_row, totals):
            if line.direction == LineDirection.INCOME:
                target.income += line.amount
            else:
                target.expenditure += line.amount
    totals.rows = sorted(by_source.values(), key=lambda r: (r.year, not r.is_funder, r.source))
    totals.by_year = [by_year[year] for year in sorted(by_year)]
    return totals


@dataclass(frozen=True)
class RelatedLink:
    label: str
    decision: Decision


def related_links(decision: Decision) -> list[RelatedLink]:
    """Each relation shown from both ends: MD2628 "previous year MD2461", and the reverse."""
    links = [RelatedLink(r.get_kind_display(), r.to_decision) for r in decision.relations_out.all()]
    links += [RelatedLink(RELATION_INVERSE_LABELS[r.kind], r.from_decision) for r in decision.relations_in.all()]
    return links


def risk_register():
    """Every risk of a live decision, highest score first."""
    return (Risk.objects.filter(decision__in=Decision.objects.live()).with_score()
            .select_related("decision").order_by("-score", "decision__reference_code", "pk"))


def all_streams():
    """Every funding stream (streams are public: the list and each stream's page)."""
    return FundingStream.objects.all()


def streams_for_listing():
    return FundingStream.objects.prefetch_related("funders").annotate(allocated=Sum("allocations__amount"))


def streams_for_officers():
    """Every stream with what the officers' list shows: funders, lead officer and how many
    decisions (signed, and in all) are recorded against it, in a fixed number of queries."""
    return (FundingStream.objects.select_related("lead_officer").prefetch_related("funders")
            .annotate(signed_decisions=Count("decisions", filter=Q(decisions__status=DecisionStatus.SIGNED)),
                      all_decisions=Count("decisions"))
            .order_by("name"))


def stream_for_page(user, pk: int):
    return FundingStream.objects.prefetch_related(
        "funders", Prefetch("allocations", queryset=StreamAllocation.objects.select_related("funder"))).filter(pk=pk)


# A stream's page shows its newest decisions, then links to the decision list filtered to it.
STREAM_DECISIONS_SHOWN = 20


def stream_decisions(stream, user):
    """The stream's decisions this user may see, newest first, bounded; the whole list is the
    register (or, for officers, who also see drafts, their decision list) filtered to the stream."""
    decisions = (Decision.objects.visible_to(user).filter(funding_stream=stream).with_totals()
                 .order_by("-date_signed", "-reference_code"))
    whole_list = "funding:decision_list" if user.has_perm("funding.view_all_decisions") else "funding:register"
    return bounded(decisions, STREAM_DECISIONS_SHOWN, more_url=f"{reverse(whole_list)}?stream={stream.pk}", cap=None)


@dataclass
class FunderYearTotals:
    years: list[str]
    rows: list[tuple[str, list[Decimal], Decimal]]  # funder, amount per year, total
    year_totals: list[Decimal]
    grand_total: Decimal


def allocation_totals(allocations) -> FunderYearTotals:
    """Totals by funder and financial year (a funder x year table) from allocation rows."""
    cells: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    years: set[int] = set()
    for allocation in allocations:
        cells[allocation.funder.name][allocation.financial_year] += allocation.amount
        years.add(allocation.financial_year)
    ordered_years = sorted(years)
    rows = [(funder, [cells[funder][y] for y in ordered_years], sum(cells[funder].values(), ZERO))
            for funder in sorted(cells)]
    year_totals = [sum((cells[f][y] for f in cells), ZERO) for y in ordered_years]
    return FunderYearTotals(years=[financial_years.label(y) for y in ordered_years], rows=rows,
                            year_totals=year_totals, grand_total=sum(year_totals, ZERO))


def stream_allocation_totals(stream) -> FunderYearTotals:
    """The funder x year table of one stream, from the allocations stream_for_page fetched."""
    return allocation_totals(stream.allocations.all())


def all_stream_totals() -> FunderYearTotals:
    return allocation_totals(StreamAllocation.objects.select_related("funder"))


def officer_counts() -> dict[str, int]:
    counts = dict.fromkeys(DecisionStatus.values, 0)
    for row in Decision.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def signed_decisions_news(*, since, until, body=None) -> list[tuple[str, str]]:
    """Decisions signed in the time (a signed decision is fixed, so its last change is its signing),
    for the public's follow digest (registered in FundingConfig.ready())."""
    from django.urls import reverse

    signed = (Decision.objects.signed().filter(updated_at__gt=since, updated_at__lte=until)
              .order_by("updated_at", "pk")[:50])
    return [(f"{decision.reference_code} {decision.title}",
             reverse("funding:decision_detail", args=[decision.reference_code])) for decision in signed]
