"""A round's progress paper: the PDF of its figures and latest accepted returns, filed as a
members' paper on a meeting of the LSMP board. The paper itself is partnership's; this row ties
it back to the round (and through the round to the decisions that fund it)."""

from django.conf import settings
from django.db import models


class ProgressPaper(models.Model):
    round = models.ForeignKey("esol.Round", on_delete=models.PROTECT, related_name="progress_papers")
    paper = models.OneToOneField("partnership.Paper", on_delete=models.CASCADE, related_name="esol_progress_paper")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "-created_at"]

    def __str__(self):
        return f"{self.round}: {self.paper}"
