"""Ids read from a query string (?organisation=12, ?body=3): a positive id or None, whatever a
browser sends, never an error. isdecimal and ASCII, not isdigit: "²" is a digit that int()
refuses, and "١٢" (Arabic-Indic digits) a number no link of ours writes."""

from django.http import QueryDict

# Postgres's bigint: a larger id matches nothing and must not reach the database as a number.
BIGGEST_ID = 2**63 - 1


def as_id(value) -> int | None:
    """A positive id from a string (or an int), or None."""
    text = str(value if value is not None else "")
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if 0 < number <= BIGGEST_ID else None


def query_id(query: QueryDict, name: str) -> int | None:
    return as_id(query.get(name, ""))
