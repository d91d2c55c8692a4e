from django.conf import settings
from django.db import models
from django.db.models import Q


class ProtocolQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every protocol; a member of a body sees the body's protocols."""
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        return self.filter(owner_body_id__in=user.current_body_ids)

    def for_listing(self):
        return self.select_related("owner_body", "lead_officer", "document")

    def review_due_by(self, day):
        return self.filter(review_on__lte=day, retired_on__isnull=True)


class Protocol(models.Model):
    """An agreed protocol (the move-on protocol of London Enriched priorities 2.4 and 8.1, say):
    its document is one of the owner body's papers, and it is reviewed by a date."""

    title = models.CharField(max_length=300)
    owner_body = models.ForeignKey("partnership.Body", on_delete=models.PROTECT, related_name="protocols")
    version = models.CharField(max_length=20)
    agreed_on = models.DateField()
    document = models.ForeignKey("partnership.Paper", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", help_text="One of the owner body's papers")
    review_on = models.DateField()
    lead_officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="led_protocols", help_text="Reminded before the review date")
    retired_on = models.DateField(null=True, blank=True)

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        ordering = ["review_on", "pk"]
        indexes = [models.Index(fields=["review_on"], name="protocol_review_idx")]
        constraints = [
            models.UniqueConstraint(fields=["owner_body", "title", "version"], name="protocol_version_unique"),
            models.CheckConstraint(name="protocol_reviewed_after_agreed",
                                   condition=Q(review_on__gte=models.F("agreed_on"))),
        ]

    def __str__(self):
        return f"{self.title} (version {self.version})"
