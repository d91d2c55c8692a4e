"""The one small interface over the two full-text engines (docs/decisions/0012-site-search-engine.md).

`engine()` answers the engine of the default database: PostgreSQL full-text search in production
(the generated, weighted `search_vector` and its GIN index, `ts_rank`, `ts_headline`), SQLite FTS5
on the embedded default so `make run` searches too (bm25, snippet). Both take what a person typed
as it came: PostgreSQL through `websearch_to_tsquery`, SQLite through quoted phrases, so no
input is ever search syntax that can fail. Both keep their index in the same transaction as the
entry (a generated column; triggers), installed by migration 0013."""

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# What the engines put around a matched word in an extract; removed from indexed text
# (services.clean_text), so they can only come from the engine.
MARK_START = "\u27e6"
MARK_END = "\u27e7"
EXTRACT_WORDS = 30


def extract_html(raw: str) -> SafeString:
    """An engine's extract as safe HTML: everything escaped, then the matches marked."""
    return mark_safe(escape(raw).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


class PostgresEngine:
    vendor = "postgresql"
    TSQUERY = ("(websearch_to_tsquery('english'::regconfig, %s) "
               "|| websearch_to_tsquery('simple'::regconfig, %s))")
    VECTOR = '"partnership_searchentry"."search_vector"'

    def match(self, queryset: QuerySet, query: str) -> QuerySet:
        return queryset.filter(RawSQL(f"{self.VECTOR} @@ {self.TSQUERY}", [query, query],  # noqa: S611 - constant SQL; what was typed is a parameter
                                      output_field=BooleanField()))

    def ranked(self, queryset: QuerySet, query: str) -> QuerySet:
        return queryset.annotate(rank=RawSQL(f"ts_rank({self.VECTOR}, {self.TSQUERY})", [query, query],  # noqa: S611 - constant SQL; what was typed is a parameter
                                             output_field=FloatField()))

    def among(self, queryset: QuerySet, entry_ids: list[int]) -> QuerySet:
        """The entries of these ids: one array parameter (pk__in spent 37 ms preparing 1,000)."""
        return queryset.filter(RawSQL('"partnership_searchentry"."id" = ANY(%s)', [list(entry_ids)],
                                      output_field=BooleanField()))

    def extracts(self, entry_ids: list[int], query: str) -> dict[int, SafeString]:
        if not entry_ids:
            return {}
        options = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={EXTRACT_WORDS}, MinWords=12, "
                   "MaxFragments=2, FragmentDelimiter=\" … \"")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_headline('english'::regconfig, coalesce(nullif(text, ''), title), "  # noqa: S608 - constant SQL; what was typed is a parameter
                f"{self.TSQUERY}, %s) FROM partnership_searchentry WHERE id = ANY(%s)",
                [query, query, options, list(entry_ids)])
            return {pk: extract_html(raw) for pk, raw in cursor.fetchall()}


class SqliteEngine:
    vendor = "sqlite"
    TABLE = "partnership_searchentry_fts"

    @staticmethod
    def fts_query(query: str) -> str:
        """Each word typed becomes a quoted phrase (the table's tokenizer splits it as it split
        the text, so RO-00022 finds RO-00022), all of them required; nothing is syntax."""
        chunks = [chunk for chunk in query.split() if any(ch.isalnum() for ch in chunk)]
        return " ".join('"' + chunk.replace('"', '""') + '"' for chunk in chunks)

    def match(self, queryset: QuerySet, query: str) -> QuerySet:
        expression = self.fts_query(query)
        if not expression:
            return queryset.none()
        return queryset.filter(pk__in=RawSQL(f"SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s",  # noqa: S608, S611 - constant SQL; what was typed is a parameter
                                             [expression]))

    def ranked(self, queryset: QuerySet, query: str) -> QuerySet:
        # bm25 is lower for better matches; the reference and title weigh more than the text.
        return queryset.annotate(rank=RawSQL(  # noqa: S611 - constant SQL; what was typed is a parameter
            f"(SELECT -bm25({self.TABLE}, 10.0, 5.0, 1.0) FROM {self.TABLE} "  # noqa: S608 - constant SQL; what was typed is a parameter
            f'WHERE {self.TABLE} MATCH %s AND rowid = "partnership_searchentry"."id")',
            [self.fts_query(query)], output_field=FloatField()))

    def among(self, queryset: QuerySet, entry_ids: list[int]) -> QuerySet:
        return queryset.filter(pk__in=entry_ids)

    def extracts(self, entry_ids: list[int], query: str) -> dict[int, SafeString]:
        expression = self.fts_query(query)
        if not entry_ids or not expression:
            return {}
        marks = ", ".join("%s" for _ in entry_ids)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({self.TABLE}, -1, %s, %s, ' … ', %s) FROM {self.TABLE} "  # noqa: S608 - constant SQL; what was typed is a parameter
                f"WHERE {self.TABLE} MATCH %s AND rowid IN ({marks})",
                [MARK_START, MARK_END, EXTRACT_WORDS, expression, *entry_ids])
            return {pk: extract_html(raw) for pk, raw in cursor.fetchall()}

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {self.TABLE}({self.TABLE}) VALUES ('rebuild')")  # noqa: S608 - constant SQL; what was typed is a parameter


ENGINES = {engine.vendor: engine for engine in (PostgresEngine(), SqliteEngine())}


def engine():
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"The site search has no engine for {connection.vendor}") from None
