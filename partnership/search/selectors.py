"""The search itself, always within the searcher's scope.

`entries_visible_to(user)` is the scope: an entry is found only when its kind's `visible(user)`
holds the object (the same querysets the kind's own pages list), after the cheap scope fields
have narrowed the rows (anonymous: public entries only; not a GLA officer: no officer-only
entries). Counts, groups and pages all start from it, so nothing outside the scope is counted."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from partnership.models import SearchEntry
from partnership.rules import is_gla_officer

from . import registry
from .engines import engine

QUERY_MAX = 200  # characters of a query that are searched for
# Matches counted and ranked at most. A word in many entries ("update": 88,000 of seed_scale's
# 477,000) made every search read and rank every match: 180 to 370 ms for the rows and as much
# again for the counts; ranking the first 10,000 still took 160 ms. Past the cap a search reads the
# first MATCH_CAP + 1 matches the index yields, counts them, and ranks those.
MATCH_CAP = 1_000


def _everything(queryset: QuerySet) -> bool:
    """True when a kind's scope is every object of its model (a GLA officer's usually is)."""
    return not queryset.query.where and not queryset.query.is_sliced


def _nothing(queryset: QuerySet) -> bool:
    if queryset.query.is_empty():
        return True
    try:
        queryset.query.sql_with_params()
    except EmptyResultSet:
        return True
    return False


def scope_q(user) -> Q:
    """Which entries the user may find, kind by kind."""
    allowed = Q(pk__in=[])
    for kind in registry.kinds():
        visible = kind.visible(user)
        if _nothing(visible):
            continue
        if _everything(visible):
            allowed |= Q(kind=kind.kind)
        else:
            # EXISTS, one primary-key probe per candidate entry: an IN (subquery) made Postgres hash
            # every visible object first (a sequential scan of 100,000 offers on every search).
            allowed |= Q(Exists(visible.filter(pk=OuterRef("object_id"))), kind=kind.kind)
    return allowed


def entries_visible_to(user) -> QuerySet:
    entries = SearchEntry.objects.all()
    if not user.is_authenticated:
        entries = entries.filter(is_public=True)
    if not is_gla_officer(user):
        entries = entries.filter(officer_only=False, part2=False)
    return entries.filter(scope_q(user))


@dataclass
class SearchResults:
    query: str
    entries: QuerySet  # every match in scope and filters, best first
    counts: dict[str, int] = field(default_factory=dict)  # kind -> matches (before the kind filter)
    capped: bool = False  # more than MATCH_CAP matches: `counts` are of the first MATCH_CAP only
    # Matches after the kind filter (MATCH_CAP + 1 when more): the pages' count.
    found: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ranked_partly(self) -> bool:
        """So many matches that only the first MATCH_CAP are put in order."""
        return self.found > MATCH_CAP

    def group_counts(self) -> list[tuple[str, list[str], int]]:
        """(heading, kinds, matches) for every group with a match, in page order."""
        return [(heading, names, total) for heading, names in registry.groups()
                if (total := sum(self.counts.get(name, 0) for name in names))]


def search(user, query: str, *, kinds: list[str] | None = None, body_id: int | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None) -> SearchResults:
    """Entries matching `query` that `user` may see, filtered by body and dates; `counts` per
    kind before the kind filter (for the filter's numbers), `entries` after it, ordered by group,
    an exact reference code first, then rank; past MATCH_CAP matches, of the first MATCH_CAP."""
    query = " ".join((query or "").replace("\x00", " ").split())[:QUERY_MAX]
    if not query:
        return SearchResults(query=query, entries=SearchEntry.objects.none())
    matches = engine().match(entries_visible_to(user), query)
    if body_id:
        matches = matches.filter(body_id=body_id)
    if date_from:
        matches = matches.filter(occurred_on__gte=date_from)
    if date_to:
        matches = matches.filter(occurred_on__lte=date_to)
    first = list(matches.order_by().values_list("pk", "kind")[:MATCH_CAP + 1])
    capped = len(first) > MATCH_CAP
    counts = dict(Counter(kind for _, kind in first[:MATCH_CAP]))
    found = len(first) if not kinds else sum(counts.get(name, 0) for name in kinds)
    if kinds:
        matches = matches.filter(kind__in=kinds)
        if capped:
            first = list(matches.order_by().values_list("pk", "kind")[:MATCH_CAP + 1])
            found = len(first)
    if found > MATCH_CAP:
        # Rank the first MATCH_CAP matches, not all of them: bounded whatever the words. (Their
        # ids, not a subquery: the engines' match names the entries table, not a subquery's alias.)
        matches = engine().among(SearchEntry.objects.all(), [pk for pk, _ in first[:MATCH_CAP]])
    group_of = {name: position for position, (_, names) in enumerate(registry.groups()) for name in names}
    exact = query.upper()
    ordered = engine().ranked(matches, query).annotate(
        exact=Case(When(reference=exact, then=Value(1)), default=Value(0), output_field=IntegerField()),
        group_order=Case(*[When(kind=name, then=Value(position)) for name, position in group_of.items()],
                         default=Value(len(group_of)), output_field=IntegerField()),
    ).order_by("-exact", "group_order", "-rank", "-occurred_on", "pk")
    return SearchResults(query=query, entries=ordered, counts=counts, capped=capped, found=found)


def extracts_for(entries, query: str) -> dict:
    """The highlighted extract of each entry on a page (one query)."""
    return engine().extracts([entry.pk for entry in entries], query)


def group_headings() -> dict[str, str]:
    return {kind.kind: kind.group for kind in registry.kinds()}
