"""A few rows of a long list, with how many there are in all and where the whole list is: for
the lists a page includes beside its main content (matters arising on a meeting's page, a body's
meetings and open actions, a meeting's papers). A page never renders an unbounded number of
rows (issue 12).

    arising = bounded(queryset, 10, more_url="/actions/?body=3&still_open=yes")
    {% for action in arising %} … {% include "includes/bounded_more.html" with list=arising noun="open actions" %}

One query whatever the size of the list: the rows, each carrying the count of all of them as an
uncorrelated scalar subquery (the database runs it once). The count is capped (`cap`, 99 by
default): it reads at most cap + 1 index entries and says "more than 99" past them. Counting a
busy body's 12,000 open actions on every view of its meeting page was that page's slowest query
(docs/decisions/0011)."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models.expressions import RawSQL

from partnership.common.counts import SUMMARY_COUNT_CAP, MoreThan, capped_count_sql

_TOTAL = "bounded_total"


@dataclass(frozen=True)
class Bounded:
    rows: list = field(default_factory=list)
    count: int = 0
    more_url: str = ""

    def __iter__(self) -> Iterator:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def shown(self) -> int:
        return len(self.rows)

    @property
    def is_cut(self) -> bool:
        """More rows exist than are shown."""
        return self.count > len(self.rows)

    @property
    def is_capped(self) -> bool:
        """The count stopped at its cap: "more than 99", not a number."""
        return isinstance(self.count, MoreThan)

    @property
    def count_text(self) -> str:
        """The count as the page says it: "12", "1,024" or "more than 99"."""
        return str(self.count) if self.is_capped else f"{self.count:,}"


def counted_rows(queryset, limit: int, cap: int | None):
    """The first `limit` rows of `queryset`, each annotated with the number of rows of the whole
    queryset (at most cap + 1; all of them when cap is None), in one query."""
    # In the list's own order: the index that serves the rows serves the capped count too (a
    # LIMIT without it let Postgres choose a sequential scan, fine for a busy body, ruinous for a
    # quiet one).
    compiled = capped_count_sql(queryset, cap, alias="bounded_rows")
    if compiled is None:  # a scope that matches nothing: no rows, and no query
        return queryset.none()
    # Only SQL Django compiled, its values passed as parameters.
    return queryset.annotate(**{_TOTAL: RawSQL(*compiled)})[:limit]  # noqa: S611


def bounded(queryset, limit: int, *, more_url: str = "", cap: int | None = SUMMARY_COUNT_CAP) -> Bounded:
    """The first `limit` rows of an ordered queryset, and the count of all of them (capped at
    `cap`; None counts every row). One query, whatever the rows: no rows means a count of 0."""
    rows = list(counted_rows(queryset, limit, cap))
    count = getattr(rows[0], _TOTAL) if rows else 0
    return Bounded(rows=rows, count=MoreThan(cap) if cap is not None and count > cap else count, more_url=more_url)
