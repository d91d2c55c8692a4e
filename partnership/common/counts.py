"""Counts for dashboards, and counts in words.

Capped counts read at most a bounded number of rows (issue 12): "more than 99" rather than counting
100,000 rows on every visit. Each is one query, SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1),
which an index serves in a few hundred entries. `counted` and `todo` put any count (capped or not)
into words, as a person says them: "1 overdue action", "more than 99 overdue actions"."""

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


def counted(count, one: str, many: str | None = None) -> str:
    """`count` with the singular or plural noun. A count that is not a number (a capped figure
    such as "over 500") takes the plural."""
    many = many if many is not None else f"{one}s"
    return f"{count} {one if count == 1 else many}"


def todo(count, one: str, many: str | None, href: str) -> dict:
    """A line of the dashboard's "What needs you now": shown only when there is something to do."""
    return {"count": count, "words": counted(count, one, many), "href": href}
