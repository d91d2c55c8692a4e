from django.db import models


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", "Government department"
    BOROUGH = "borough", "Local authority (London borough)"
    GLA = "gla", "Greater London Authority"
    CIVIL_SOCIETY = "civil_society", "Civil society"
    FUNDER = "funder", "Funder"
    BUSINESS = "business", "Business"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education or ESOL provider"
    SPONSORSHIP_GROUP = "sponsorship_group", "Community sponsorship group"


class OrganisationQuerySet(models.QuerySet):
    def boroughs(self):
        return self.filter(kind=OrganisationKind.BOROUGH).order_by("name")


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    # ONS GSS code, held by the 33 London local authorities only (E09000001 ... E09000033).
    gss_code = models.CharField("GSS code", max_length=9, unique=True, null=True, blank=True)
    website = models.URLField(blank=True)
    notes = models.TextField(blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="organisation_kind_valid", condition=models.Q(kind__in=OrganisationKind.values)
            ),
            # A borough has a GSS code of the London E09 series; no other kind has one.
            models.CheckConstraint(
                name="organisation_gss_code_only_for_boroughs",
                condition=(
                    models.Q(kind=OrganisationKind.BOROUGH, gss_code__isnull=False, gss_code__startswith="E09")
                    | (~models.Q(kind=OrganisationKind.BOROUGH) & models.Q(gss_code__isnull=True))
                ),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_borough(self):
        return self.kind == OrganisationKind.BOROUGH

