"""The site search's index: one row per searchable thing (or per separately scoped part of one),
written by the services that write the thing, in the same transaction (partnership/search/).

Who may find a row is decided twice, like every list of the portal: the scope fields below
narrow the rows cheaply, and the kind's own `visible_to` (its registration's `visible`) decides.
The full-text index itself lives beside the table, per database engine: a generated, weighted
`tsvector` column with a GIN index on PostgreSQL, an FTS5 table kept by triggers on SQLite
(migration 0013); neither is a model field, so the ORM never writes them by mistake."""

from django.db import models
from django.db.models import Q


class SearchEntry(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    # A reference code (MD2628, RO-00022, ENQ-2026-00042), upper case; an exact match ranks first.
    reference = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    occurred_on = models.DateField(null=True, blank=True)
    # Scope: the body it belongs to, the borough it is about, and who may find it at all.
    body = models.ForeignKey("partnership.Body", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    borough = models.ForeignKey("partnership.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    is_public = models.BooleanField(default=False)
    officer_only = models.BooleanField(default=False)
    part2 = models.BooleanField(default=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_one_per_object"),
            # What only GLA officers may see is never public; Part 2 is always for officers only.
            models.CheckConstraint(name="search_entry_officer_only_not_public",
                                   condition=~Q(is_public=True, officer_only=True)),
            models.CheckConstraint(name="search_entry_part2_officer_only",
                                   condition=Q(part2=False) | Q(officer_only=True)),
        ]
        indexes = [
            models.Index(fields=["reference"], name="search_entry_reference"),
            models.Index(fields=["occurred_on"], name="search_entry_occurred_on"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
