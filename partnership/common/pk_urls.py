"""The address of one object's page, as reverse() writes it, for tables of many rows.

reverse() walks the URL configuration each time: 30 to 100 µs, which a table of 100 rows with
three links a row pays 300 times (issue 12: a third of the action list's table). A page whose
only argument is an integer primary key (`<int:pk>`) has the same address around every id, so
it is reversed once with a marker id and the id written in its place after that. The address
depends on the URL configuration, the script prefix (a deployment under a path) and the active
language (i18n prefixes), so each of those has its own entry."""

from collections.abc import Callable

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# An id no table holds, which reverse() writes as its digits (the int converter's to_url).
_MARKER = 987_654_321_987_654_321
_patterns: dict[tuple, tuple[str, str]] = {}


def _around(name: str, marker: str) -> tuple[str, str]:
    """The address of the page `name` before and after its one argument, `marker`."""
    key = (name, marker, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())
    pattern = _patterns.get(key)
    if pattern is None:
        before, found, after = reverse(name, args=[marker]).partition(marker)
        if not found or marker in after:
            raise ValueError(f"{name} does not take one argument")
        pattern = _patterns[key] = (before, after)
    return pattern


def _around_the_id(name: str) -> tuple[str, str]:
    return _around(name, str(_MARKER))


def pk_url(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a page whose one argument is an integer id."""
    before, after = _around_the_id(name)
    return f"{before}{int(pk)}{after}"


def pk_url_writer(name: str) -> Callable[[int], str]:
    """pk_url for one page name, its address looked up once: for a table's rows, all written in
    the same request (the same language and prefix)."""
    before, after = _around_the_id(name)
    return lambda pk: f"{before}{int(pk)}{after}"


def code_url_writer(name: str, marker: str) -> Callable[[str], str]:
    """pk_url_writer for a page whose one argument is a code of letters and digits (a decision's
    reference code); `marker` is a code the page's converter accepts. An address holds such a
    code unchanged, so it is written as it is; anything else goes through reverse() as before."""
    before, after = _around(name, marker)

    def write(code: str) -> str:
        code = str(code)
        if code.isascii() and code.isalnum():
            return f"{before}{code}{after}"
        return reverse(name, args=[code])

    return write
