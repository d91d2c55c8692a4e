"""Counts for dashboards that read at most a bounded number of rows (issue 12): "more than 99"
rather than counting 100,000 rows on every visit. Each count is one query,
SELECT COUNT(*) FROM (SELECT … LIMIT cap + 1), which an index serves in a few hundred entries."""

DASHBOARD_CAP = 99


class MoreThan(int):
    """A count that stopped at its cap: compares as cap + 1, reads "more than 99"."""

    def __new__(cls, cap: int):
        value = super().__new__(cls, cap + 1)
        value.cap = cap
        return value

    def __str__(self) -> str:
        return f"more than {self.cap:,}"

    __format__ = lambda self, spec: format(str(self), spec)  # noqa: E731 - f-strings show the words


def capped_count(queryset, cap: int = DASHBOARD_CAP) -> int:
    """The number of rows, or MoreThan(cap) when there are more than `cap`."""
    count = queryset.order_by()[: cap + 1].count()
    return MoreThan(cap) if count > cap else count
