"""Decisions recorded at a meeting. Not funding decisions, which are the funding app's `Decision`."""

from django.db import models


class MeetingDecision(models.Model):
    meeting = models.ForeignKey("partnership.Meeting", on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey("partnership.AgendaItem", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="decisions")
    text = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self):
        return self.text[:80]
