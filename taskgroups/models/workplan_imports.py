from django.conf import settings
from django.db import models


class WorkplanImport(models.Model):
    """An uploaded spreadsheet, read and checked, waiting for the officer to confirm. Nothing
    of the workplan exists until then; confirming builds all of it in one transaction, once."""

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    owner_body = models.ForeignKey("partnership.Body", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=300)
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    default_owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The rows as read (a list of dicts of the spreadsheet's columns) and the problems found.
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    workplan = models.OneToOneField("taskgroups.Workplan", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="import_record")
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(name="workplan_import_period_in_order",
                                   condition=models.Q(last_year__gte=models.F("first_year"))),
        ]

    def __str__(self):
        return f"{self.filename} ({self.uploaded_at:%d %b %Y})"
