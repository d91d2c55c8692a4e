"""Counts for dashboards, and counts in words.

Capped counts read at most a bounded number of rows (issue 12): "more than 99" rather than counting
100,000 rows on every visit. Each is one query, SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1),
which an index serves in a few hundred entries. `counted` and `todo` put any count (capped or not)
into words, as a person says them: "1 overdue action", "more than 99 overdue actions"."""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

# Where a summary's capped count stops (a dashboard figure, the total under a bounded list):
# past it the count says "more than 99". A paged list's count has a cap of its own (pagination).
SUMMARY_COUNT_CAP = 99


class MoreThan(int):
    """A count that stopped at its cap: compares as cap + 1, reads "more than 99"."""

    def __new__(cls, cap: int):
        value = super().__new__(cls, cap + 1)
        value.cap = cap
        return value

    def __str__(self) -> str:
        return f"more than {self.cap:,}"

    __format__ = lambda self, spec: format(str(self), spec)  # noqa: E731 - f-strings show the words


def capped_count(queryset, cap: int = SUMMARY_COUNT_CAP) -> int:
    """The number of rows, or MoreThan(cap) when there are more than `cap`."""
    count = queryset.order_by()[: cap + 1].count()
    return MoreThan(cap) if count > cap else count


@dataclass(frozen=True)
class Total:
    """A sum for panel_figures: SUM(field) over the queryset's rows (None when there are none)."""

    queryset: QuerySet
    field: str


def panel_figures(figures: dict, cap: int = SUMMARY_COUNT_CAP) -> dict:
    """Every figure of one dashboard panel in ONE query (docs/decisions/0011): each queryset a
    capped count, each Total a sum, as scalar subqueries of a single SELECT:

        SELECT (SELECT COUNT(*) FROM (… LIMIT 100) f0), (SELECT COUNT(*) FROM (… LIMIT 100) f1), …

    Each subquery is the one capped_count() runs, read from the same index; a panel costs one
    round trip to the database instead of one per figure (the dashboard made 32 queries)."""
    if not figures:
        return {}
    parts, params, using, asks = [], [], None, False
    for position, figure in enumerate(figures.values()):
        if isinstance(figure, Total):
            compiled = _sum_sql(figure, alias=f"f{position}")
            using = using or figure.queryset.db
        else:
            compiled = capped_count_sql(figure.order_by(), cap, alias=f"f{position}")
            using = using or figure.db
        if compiled is None:  # a scope that matches nothing (none(), an empty IN): no rows
            parts.append("NULL" if isinstance(figure, Total) else "0")
            continue
        parts.append(compiled[0])
        params.extend(compiled[1])
        asks = True
    if not asks:
        # Every scope matches nothing (a person with no bodies, no borough): nothing to ask.
        row = tuple(None if isinstance(figure, Total) else 0 for figure in figures.values())
    else:
        with connections[using].cursor() as cursor:
            # Only SQL Django compiled, its values passed as parameters.
            cursor.execute(f"SELECT {', '.join(parts)}", params)  # noqa: S608
            row = cursor.fetchone()
    return {name: (value if isinstance(figure, Total) else (MoreThan(cap) if value > cap else value))
            for (name, figure), value in zip(figures.items(), row, strict=True)}


def capped_count_sql(queryset, cap: int | None, *, alias: str) -> tuple[str, list] | None:
    """`(SELECT COUNT(*) FROM (<the queryset's ids> LIMIT cap + 1) alias)` and its parameters: the
    count capped_count() takes, as a scalar subquery to put in another SELECT (a panel's figures,
    a bounded list's rows). In the queryset's own order: the index that serves it serves the
    count. None counts every row; None is returned when the queryset matches nothing."""
    inner = queryset.values("pk")
    if cap is not None:
        inner = inner[: cap + 1]
    try:
        sql, params = inner.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return None
    return f"(SELECT COUNT(*) FROM ({sql}) {alias})", list(params)  # noqa: S608 - SQL Django compiled


def _sum_sql(total: Total, *, alias: str) -> tuple[str, list] | None:
    inner = total.queryset.order_by().values(total.field)
    try:
        sql, params = inner.query.get_compiler(using=inner.db).as_sql()
    except EmptyResultSet:
        return None
    # The inner SELECT names its one column after the field (values(field)).
    column = connections[inner.db].ops.quote_name(total.field)
    return f"(SELECT SUM({column}) FROM ({sql}) {alias})", list(params)  # noqa: S608 - SQL Django compiled


def counted(count, one: str, many: str | None = None) -> str:
    """`count` with the singular or plural noun. A count that is not a number (a capped figure
    such as "over 500") takes the plural."""
    many = many if many is not None else f"{one}s"
    return f"{count} {one if count == 1 else many}"


def todo(count, one: str, many: str | None, href: str) -> dict:
    """A line of the dashboard's "What needs you now": shown only when there is something to do."""
    return {"count": count, "words": counted(count, one, many), "href": href}
