"""Counts in words, as a person says them: "1 overdue action", "3 overdue actions"."""


def counted(count, one: str, many: str | None = None) -> str:
    """`count` with the singular or plural noun. A count that is not a number (a capped figure
    such as "over 500") takes the plural."""
    many = many if many is not None else f"{one}s"
    return f"{count} {one if count == 1 else many}"


def todo(count, one: str, many: str | None, href: str) -> dict:
    """A line of the dashboard's "What needs you now": shown only when there is something to do."""
    return {"count": count, "words": counted(count, one, many), "href": href}
