"""Declarations of interest, made by a person on one agenda item."""

from django.conf import settings
from django.db import models


class Declaration(models.Model):
    """A declaration of interest, made by a person on one agenda item."""

    agenda_item = models.ForeignKey("partnership.AgendaItem", on_delete=models.CASCADE,
                                    related_name="declarations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations")
    interest = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agenda_item__position", "pk"]

    def __str__(self):
        return f"{self.person}: {self.interest[:60]}"
