"""The register of interests: each person's standing declarations (employment, roles in
organisations that receive funding, gifts...), kept by the person themselves and shown to
officers at the meetings of the bodies they sit on."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class InterestKind(models.TextChoices):
    EMPLOYMENT = "employment", "Employment"
    ROLE = "role", "Role in an organisation (trustee, director, adviser)"
    FUNDING = "funding", "Funding or grants received"
    MEMBERSHIP = "membership", "Membership of an organisation"
    OTHER = "other", "Something else"


class InterestQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))


class Interest(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interests")
    kind = models.CharField(max_length=12, choices=InterestKind.choices)
    organisation = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="interests",
        help_text="If the interest is in an organisation the portal knows")
    description = models.TextField(max_length=1000)
    ended_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["person", "kind", "pk"]
        constraints = [
            models.CheckConstraint(name="interest_kind_valid", condition=Q(kind__in=InterestKind.values)),
            models.CheckConstraint(name="interest_description_not_blank", condition=~Q(description="")),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"

    @property
    def declared_text(self) -> str:
        """As it reads when declared on an agenda item."""
        where = f" ({self.organisation.name})" if self.organisation_id else ""
        return f"{self.get_kind_display()}{where}: {self.description}"
