"""Writes of the search index. The services that write a searchable object call
`search_index(obj)` (or `search_remove(obj)` before deleting it) inside their own transaction,
so the index changes, or not, with the object: never a signal, never a later job."""

from django.db import transaction

from partnership.models import SearchEntry

from . import registry
from .engines import MARK_END, MARK_START, engine

# PostgreSQL refuses a tsvector over 1 MB; a paper's first 200,000 characters are plenty to find it.
TEXT_LIMIT = 200_000
REINDEX_BATCH = 500


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


def search_index_all(objects) -> None:
    for obj in objects:
        search_index(obj)


@transaction.atomic
def search_remove(obj) -> None:
    """Remove the entries of an object about to be deleted (call it before the delete)."""
    kinds = [kind.kind for kind in registry.kinds_for_model(type(obj))]
    SearchEntry.objects.filter(kind__in=kinds, object_id=obj.pk).delete()


def search_reindex(kind_names: list[str] | None = None) -> dict[str, int]:
    """Rebuild the entries of the given kinds (all by default) from the objects, a batch per
    transaction; entries whose object has gone are removed. Returns entries written per kind."""
    written = {}
    for kind in registry.kinds():
        if kind_names and kind.kind not in kind_names:
            continue
        count = 0
        objects = kind.model._default_manager.order_by("pk")
        if kind.select_related:
            objects = objects.select_related(*kind.select_related)
        last_pk = 0
        while batch := list(objects.filter(pk__gt=last_pk)[:REINDEX_BATCH]):
            with transaction.atomic():
                for obj in batch:
                    document = kind.document(obj)
                    if document is None:
                        SearchEntry.objects.filter(kind=kind.kind, object_id=obj.pk).delete()
                        continue
                    SearchEntry.objects.update_or_create(kind=kind.kind, object_id=obj.pk,
                                                         defaults=_entry_fields(document))
                    count += 1
            last_pk = batch[-1].pk
        existing = kind.model._default_manager.values("pk")
        SearchEntry.objects.filter(kind=kind.kind).exclude(object_id__in=existing).delete()
        written[kind.kind] = count
    if not kind_names:
        SearchEntry.objects.exclude(kind__in=[kind.kind for kind in registry.kinds()]).delete()
    if hasattr(engine(), "rebuild"):
        engine().rebuild()
    return written
