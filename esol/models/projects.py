"""A project funded by a round: who leads it, with whom, where, for how much, until when, what it
aims for, and the people at the lead organisation who report for it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .roles import EsolRole


class ProjectStatus(models.TextChoices):
    AWARDED = "awarded", "Awarded"
    IN_DELIVERY = "in_delivery", "In delivery"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# A withdrawn project's grant goes back to its round: it no longer counts against the budget.
GRANT_HOLDING_STATUSES = (ProjectStatus.AWARDED, ProjectStatus.IN_DELIVERY, ProjectStatus.COMPLETED)


class ReportingFrequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly, and a final return"
    QUARTERLY = "quarterly", "Quarterly, and a final return"
    FINAL = "final", "A final return only"


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every project; a grantee contact the projects they are named on at
        their own organisation; nobody else any."""
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        if user.has_role(EsolRole.GRANTEE_CONTACT) and user.organisation_id is not None:
            return self.filter(reporting_contacts=user, lead_organisation_id=user.organisation_id)
        return self.none()

    def holding_grants(self):
        return self.filter(status__in=GRANT_HOLDING_STATUSES)

    def for_listing(self):
        return self.select_related("round", "lead_organisation").order_by("round__name", "title", "pk")


class Project(models.Model):
    round = models.ForeignKey("esol.Round", on_delete=models.PROTECT, related_name="projects")
    title = models.CharField(max_length=300)
    lead_organisation = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT,
                                          related_name="esol_projects_led")
    partners = models.ManyToManyField("partnership.Organisation", blank=True, related_name="esol_projects_partnered")
    boroughs = models.ManyToManyField("partnership.Organisation", blank=True, related_name="esol_projects_served",
                                      verbose_name="boroughs served")
    grant_awarded = models.DecimalField(max_digits=12, decimal_places=2,
                                        help_text="In pounds and pence, for example 40000.00")
    starts_on = models.DateField()
    ends_on = models.DateField()
    summary = models.TextField(blank=True)
    barriers_addressed = models.TextField(blank=True)
    # Targets for the whole project; empty when none was set.
    target_enrolled = models.PositiveIntegerField("learners enrolled (target)", null=True, blank=True)
    target_completed = models.PositiveIntegerField("learners completing (target)", null=True, blank=True)
    target_progressed = models.PositiveIntegerField("learners progressing (target)", null=True, blank=True)
    target_learning_hours = models.PositiveIntegerField("learning hours (target)", null=True, blank=True)
    status = models.CharField(max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.AWARDED)
    reporting_frequency = models.CharField(max_length=10, choices=ReportingFrequency.choices,
                                           default=ReportingFrequency.QUARTERLY)
    reporting_contacts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                                related_name="esol_projects_reported",
                                                help_text="People at the lead organisation who report for it")
    notes = models.TextField(blank=True, help_text="Where the figures come from; which are demo values")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["round__name", "title", "pk"]
        indexes = [
            models.Index(fields=["round", "title"], name="esol_project_round_title"),
            models.Index(fields=["title", "id"], name="esol_project_title"),
        ]
        constraints = [
            models.CheckConstraint(name="esol_project_status_valid", condition=Q(status__in=ProjectStatus.values)),
            models.CheckConstraint(name="esol_project_frequency_valid",
                                   condition=Q(reporting_frequency__in=ReportingFrequency.values)),
            models.CheckConstraint(name="esol_project_grant_positive", condition=Q(grant_awarded__gt=0),
                                   violation_error_message="A grant is at least £0.01."),
            models.CheckConstraint(name="esol_project_ends_after_start", condition=Q(ends_on__gte=F("starts_on")),
                                   violation_error_message="A project cannot end before it starts."),
            models.CheckConstraint(name="esol_project_title_not_blank", condition=~Q(title="")),
            models.CheckConstraint(
                name="esol_project_completing_within_enrolled",
                condition=Q(target_completed__isnull=True) | Q(target_enrolled__isnull=True)
                | Q(target_completed__lte=F("target_enrolled")),
                violation_error_message="The target for learners completing cannot be more than for enrolled."),
        ]

    def __str__(self):
        return self.title

    @property
    def holds_grant(self) -> bool:
        return self.status in GRANT_HOLDING_STATUSES
