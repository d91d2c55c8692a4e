"""Writes of the search index. The services that write a searchable object call
`search_index(obj)` (or `search_remove(obj)` before deleting it) inside their own transaction,
so the index changes, or not, with the object: never a signal, never a later job."""

from collections.abc import Iterable, Iterator

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from partnership.common.bulk_copy import copy_rows
from partnership.models import SearchEntry

from . import registry
from .engines import MARK_END, MARK_START, engine

# PostgreSQL refuses a tsvector over 1 MB; a paper's first 200,000 characters are plenty to find it.
TEXT_LIMIT = 200_000
REINDEX_BATCH = 2000


def clean_text(value: str, limit: int) -> str:
    """Text as indexed: without NUL (neither database stores it) or the extract's own marks."""
    return (value or "").replace("\x00", " ").replace(MARK_START, "").replace(MARK_END, "")[:limit]


def _entry_fields(document: registry.Document) -> dict:
    return {
        "reference": clean_text(document.reference, 60).strip().upper(),
        "title": clean_text(document.title, 300) or "(untitled)",
        "text": clean_text(document.text, TEXT_LIMIT),
        "url": document.url,
        "occurred_on": document.occurred_on,
        "body_id": document.body_id,
        "borough_id": document.borough_id,
        "is_public": document.is_public and not document.officer_only and not document.part2,
        "officer_only": document.officer_only or document.part2,
        "part2": document.part2,
    }


@transaction.atomic
def search_index(obj) -> int:
    """Write (or remove) the entries of one object, for every kind its model is registered
    under. Returns how many entries it now has."""
    written = 0
    for kind in registry.kinds_for_model(type(obj)):
        document = kind.document(obj)
        if document is None:
            SearchEntry.objects.filter(kind=kind.kind, object_id=obj.pk).delete()
            continue
        SearchEntry.objects.update_or_create(kind=kind.kind, object_id=obj.pk, defaults=_entry_fields(document))
        written += 1
    return written


@transaction.atomic
def search_remove(obj) -> None:
    """Remove the entries of an object about to be deleted (call it before the delete)."""
    kinds = [kind.kind for kind in registry.kinds_for_model(type(obj))]
    SearchEntry.objects.filter(kind__in=kinds, object_id=obj.pk).delete()


def search_reindex(kind_names: list[str] | None = None) -> dict[str, int]:
    """Rebuild the entries of the given kinds (all by default) from the objects, a batch per
    transaction; entries whose object has gone are removed. Returns entries written per kind.

    Set-based, so it keeps up with seed_scale's half a million objects: each batch's documents
    are built in Python by the kinds' own `document` (one definition of what an entry holds), then
    the batch's old entries go in one DELETE and the new ones in one COPY (Postgres) or one
    bulk INSERT, instead of a SELECT and an UPDATE or INSERT per object (4.7 ms an object)."""
    written = {}
    for kind in registry.kinds():
        if kind_names and kind.kind not in kind_names:
            continue
        written[kind.kind] = _reindex_kind(kind)
    if not kind_names:
        SearchEntry.objects.exclude(kind__in=[kind.kind for kind in registry.kinds()]).delete()
    if hasattr(engine(), "rebuild"):
        engine().rebuild()
    return written


def search_refresh(objects: QuerySet) -> int:
    """Rewrite the entries of the objects in `objects` (one model), in batches, in the caller's
    transaction: for a change that reaches many objects' documents at once (a body renamed is
    in every one of its meetings' entries). Returns entries written."""
    return sum(_reindex_kind(kind, objects) for kind in registry.kinds_for_model(objects.model))


def _reindex_kind(kind: registry.SearchKind, only: QuerySet | None = None) -> int:
    count = 0
    objects = (only if only is not None else kind.model._default_manager).order_by("pk")
    if kind.select_related:
        objects = objects.select_related(*kind.select_related)
    if kind.prefetch_related:
        objects = objects.prefetch_related(*kind.prefetch_related)
    last_pk = 0
    while batch := list(objects.filter(pk__gt=last_pk)[:REINDEX_BATCH]):
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind.kind, object_id__in=[obj.pk for obj in batch]).delete()
            count += _insert_entries(_entry_rows(kind, batch))
        last_pk = batch[-1].pk
    if only is None:
        existing = kind.model._default_manager.values("pk")
        SearchEntry.objects.filter(kind=kind.kind).exclude(object_id__in=existing).delete()
    return count


def _entry_rows(kind: registry.SearchKind, objects) -> Iterator[dict]:
    now = timezone.now()
    for obj in objects:
        document = kind.document(obj)
        if document is not None:
            yield {"kind": kind.kind, "object_id": obj.pk, **_entry_fields(document), "indexed_at": now}


ENTRY_COLUMNS = ["kind", "object_id", "reference", "title", "text", "url", "occurred_on", "body_id",
                 "borough_id", "is_public", "officer_only", "part2", "indexed_at"]


def _insert_entries(rows: Iterable[dict]) -> int:
    """Insert entry rows; returns how many. On Postgres one COPY of the whole batch, its rows
    all made before it starts (a kind's row that read the database would hang it, see
    partnership/common/bulk_copy.py)."""
    if connection.vendor == "postgresql":
        return copy_rows(SearchEntry, ENTRY_COLUMNS, [tuple(row[name] for name in ENTRY_COLUMNS) for row in rows])
    # The FTS5 triggers fire per row, in this transaction.
    entries = [SearchEntry(**row) for row in rows]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)
