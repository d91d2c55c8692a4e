"""What each app makes searchable. An app registers one `SearchKind` per kind of result in its
`AppConfig.ready()`; partnership never imports the apps (docs/architecture.md, "Registries").

A kind says how to turn one object into a `Document` (its words, its link, its scope) and which
objects a person may see (`visible(user)`: the model's own `visible_to`, or the selector its
pages use). The search keeps an entry only when that queryset holds the object, so a kind can
never show more than its own pages do."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet
from django.utils.text import slugify


@dataclass(frozen=True)
class Document:
    """One object as the search sees it."""

    title: str
    url: str
    text: str = ""
    reference: str = ""
    occurred_on: dt.date | None = None
    body_id: int | None = None
    borough_id: int | None = None
    is_public: bool = False  # an anonymous visitor may find it (when `visible` agrees)
    officer_only: bool = False  # only GLA officers may find it (when `visible` agrees)
    part2: bool = False  # confidential Part 2 text: GLA officers only


@dataclass(frozen=True)
class SearchKind:
    kind: str  # stored in SearchEntry.kind: "paper", "decision_part2"
    group: str  # the heading results are grouped under: "Papers"
    model: type[Model]
    document: Callable[[Model], Document | None]  # None: not searchable (the entry is removed)
    visible: Callable[[object], QuerySet]  # user -> the objects of `model` they may see
    order: int = 100  # the group's place on the results page
    # The objects to fetch with each document (select_related names) when reindexing in bulk.
    select_related: tuple[str, ...] = field(default_factory=tuple)
    # ...and the related lists to fetch with them (prefetch_related names): one query a batch.
    prefetch_related: tuple[str, ...] = field(default_factory=tuple)


_KINDS: dict[str, SearchKind] = {}

def register(kind: SearchKind) -> None:
    """Register a kind; registering the same kind again (a reloaded AppConfig) replaces it."""
    _KINDS[kind.kind] = kind


def kinds() -> list[SearchKind]:
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.kind))


def kind_named(name: str) -> SearchKind | None:
    return _KINDS.get(name)


def kinds_for_model(model: type[Model]) -> list[SearchKind]:
    return [kind for kind in kinds() if kind.model is model]


def groups() -> list[tuple[str, list[str]]]:
    """(group heading, [kind names]) in page order: the choices of the kind filter."""
    found: dict[str, list[str]] = {}
    for kind in kinds():
        found.setdefault(kind.group, []).append(kind.kind)
    return list(found.items())


def group_slug(heading: str) -> str:
    """The kind filter's value for a group: "Funding decisions" -> "funding-decisions"."""
    return slugify(heading)


def kinds_of_group(slug: str) -> list[str]:
    return next((names for heading, names in groups() if group_slug(heading) == slug), [])
