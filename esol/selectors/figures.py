"""Figures of a round or a project: achieved against target (learners enrolled, completing,
progressing, learning hours) and spend against grant, from ACCEPTED returns only (a draft or a
return awaiting review is not yet a figure). By project and by borough; a project that serves
several boroughs counts in each of them, so the borough rows may add up to more than the total.

A project's achieved figures are its accepted final return's, which covers the whole project,
once there is one; until then, the sum of its accepted period returns. Ad hoc returns answer a
question of their own and may overlap the schedule's periods, so they are never added in."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from partnership.models import Organisation

from ..models import Project, ReturnKind, ReturnStatus
from ..models.projects import GRANT_HOLDING_STATUSES

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)
ACCEPTED = Q(returns__status=ReturnStatus.ACCEPTED)
PERIODS = ACCEPTED & Q(returns__kind=ReturnKind.PERIODIC)
FINAL = ACCEPTED & Q(returns__kind=ReturnKind.FINAL)

# key, label, the project's target field, the return's field
MEASURES = [
    ("enrolled", "Learners enrolled", "target_enrolled", "learners_enrolled"),
    ("completed", "Learners completing", "target_completed", "learners_completed"),
    ("progressed", "Learners progressing", "target_progressed", "learners_progressed"),
    ("hours", "Learning hours", "target_learning_hours", "learning_hours"),
]


@dataclass
class Measure:
    key: str
    label: str
    target: int | None
    achieved: int

    @property
    def percent(self) -> int | None:
        """Achieved as a whole percentage of the target; None without a target."""
        if not self.target:
            return None
        return round(self.achieved * 100 / self.target)


@dataclass
class FigureRow:
    label: str
    grant: Decimal
    spend: Decimal
    measures: list[Measure]
    accepted_returns: int = 0
    project: Project | None = None
    borough: Organisation | None = None

    @property
    def spend_percent(self) -> int | None:
        return round(self.spend * 100 / self.grant) if self.grant else None

    def measure(self, key: str) -> Measure:
        return next(m for m in self.measures if m.key == key)


@dataclass
class Figures:
    by_project: list[FigureRow]
    by_borough: list[FigureRow]
    total: FigureRow
    measure_labels: list[tuple[str, str]] = field(default_factory=lambda: [(m[0], m[1]) for m in MEASURES])


def _annotated(projects: QuerySet) -> QuerySet:
    sums = {}
    for key, _label, _target, source in MEASURES:
        for part, condition in (("periods", PERIODS), ("final", FINAL)):
            sums[f"{part}_{key}"] = Coalesce(Sum(f"returns__{source}", filter=condition), Value(0),
                                             output_field=IntegerField())
    return projects.annotate(
        **sums,
        periods_spend=Coalesce(Sum("returns__spend", filter=PERIODS), Value(ZERO), output_field=MONEY),
        final_spend=Coalesce(Sum("returns__spend", filter=FINAL), Value(ZERO), output_field=MONEY),
        accepted_returns=Count("returns", filter=ACCEPTED),
        final_accepted=Count("returns", filter=FINAL),
    )


def _row(project: Project) -> FigureRow:
    part = "final" if project.final_accepted else "periods"
    measures = [Measure(key, label, getattr(project, target), getattr(project, f"{part}_{key}"))
                for key, label, target, _source in MEASURES]
    return FigureRow(label=project.title, grant=project.grant_awarded if project.holds_grant else ZERO,
                     spend=getattr(project, f"{part}_spend"), measures=measures,
                     accepted_returns=project.accepted_returns, project=project)


def _combined(label: str, rows: list[FigureRow], **extra) -> FigureRow:
    measures = []
    for index, (key, measure_label, _target, _source) in enumerate(MEASURES):
        targets = [row.measures[index].target for row in rows if row.measures[index].target is not None]
        measures.append(Measure(key, measure_label, sum(targets) if targets else None,
                                sum(row.measures[index].achieved for row in rows)))
    return FigureRow(label=label, grant=sum((row.grant for row in rows), ZERO),
                     spend=sum((row.spend for row in rows), ZERO), measures=measures,
                     accepted_returns=sum(row.accepted_returns for row in rows), **extra)


def project_rows(projects: QuerySet) -> list[FigureRow]:
    boroughs = Prefetch("boroughs", queryset=Organisation.objects.order_by("name"))
    return [_row(project) for project in _annotated(projects.order_by("title", "pk")).prefetch_related(boroughs)]


def figures_for(projects: QuerySet, *, total_label: str) -> Figures:
    """Figures of the given projects (withdrawn ones count neither grant nor targets)."""
    rows = project_rows(projects.filter(status__in=GRANT_HOLDING_STATUSES))
    by_borough: dict[int, tuple[Organisation, list[FigureRow]]] = {}
    for row in rows:
        for borough in row.project.boroughs.all():
            by_borough.setdefault(borough.pk, (borough, []))[1].append(row)
    borough_rows = [_combined(borough.name, members, borough=borough)
                    for borough, members in sorted(by_borough.values(), key=lambda pair: pair[0].name)]
    return Figures(by_project=rows, by_borough=borough_rows, total=_combined(total_label, rows))


def round_figures(round_) -> Figures:
    return figures_for(Project.objects.filter(round=round_), total_label=f"All of {round_.name}")


def project_figures(project: Project) -> FigureRow:
    return _row(_annotated(Project.objects.filter(pk=project.pk)).get())
