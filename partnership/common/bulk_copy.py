"""Postgres COPY of many rows into one model's table: one statement instead of thousands of
INSERTs. The site search writes each batch of entries with it and seed_scale its bulk rows.

The rows must all be made before they are handed over, or made without touching the database:
while a COPY is open its connection takes no other query, so a row whose making reads the
database (a relation nobody prefetched) would wait for the COPY, and the COPY for it, for ever
(a hang seen in a test run)."""

from collections.abc import Callable, Iterable, Sequence

from django.db import connection


def defaulted_fields(model, attnames: Sequence[str]) -> list:
    """The model's stored, NOT NULL columns that `attnames` leaves out and the database does not
    fill itself: COPY would leave them NULL, so each takes field.get_default() (its default, or
    "" for text), as bulk_create would give it."""
    named = set(attnames)
    return [field for field in model._meta.concrete_fields
            if field.attname not in named and field.name not in named and not field.null
            and not field.primary_key and not field.generated and not field.has_db_default()]


def copy_rows(model, attnames: Sequence[str], rows: Iterable[tuple], *,
              progress: Callable[[int], None] | None = None, every: int = 5000) -> int:
    """COPYs tuples of values, in the order of `attnames` (field names or attnames), into the
    model's table on the default connection (Postgres only); returns how many. `progress` is
    called with the count so far every `every` rows."""
    if connection.vendor != "postgresql":
        raise RuntimeError("COPY is Postgres's: use bulk_create on other databases")
    fields = [model._meta.get_field(name) for name in attnames]
    defaulted = defaulted_fields(model, attnames)
    extra = tuple(field.get_default() for field in defaulted)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in [*fields, *defaulted])
    table = connection.ops.quote_name(model._meta.db_table)
    done = 0
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *extra) if extra else row)
            done += 1
            if progress is not None and done % every == 0:
                progress(done)
    return done
