"""A few rows of a long list, with how many there are in all and where the whole list is: for
the lists a page includes beside its main content (matters arising on a meeting's page, a body's
members, an action's updates). A page never renders an unbounded number of rows (issue 12).

    arising = bounded(queryset, 10, more_url="/actions/?body=3&open=yes")
    {% for action in arising %} … {% include "includes/bounded_more.html" with list=arising noun="open actions" %}

Two queries whatever the size of the list: the rows and the count."""

from collections.abc import Iterator
from dataclasses import dataclass, field


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


def bounded(queryset, limit: int, *, more_url: str = "") -> Bounded:
    """The first `limit` rows of an ordered queryset, and the count of all of them. The count is
    always taken (not only when the page is full) so the query count never depends on the rows."""
    rows = list(queryset[:limit])
    return Bounded(rows=rows, count=queryset.order_by().count(), more_url=more_url)
