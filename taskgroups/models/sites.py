from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class SiteKind(models.TextChoices):
    INITIAL_ACCOMMODATION = "initial_accommodation", "Initial Accommodation"
    CONTINGENCY_HOTEL = "contingency_hotel", "Contingency hotel"


class CapacityBand(models.TextChoices):
    UNDER_50 = "under_50", "Fewer than 50 bed spaces"
    FROM_50 = "50_99", "50 to 99 bed spaces"
    FROM_100 = "100_199", "100 to 199 bed spaces"
    FROM_200 = "200_plus", "200 or more bed spaces"


class SiteQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every site; a member of an accommodation task group sees the sites
        that task group follows; nobody else sees any."""
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        followed = Site.task_groups.through.objects.filter(
            taskgroup__body_id__in=user.current_body_ids, taskgroup__covers_accommodation_sites=True,
        ).values("site_id")
        return self.filter(pk__in=followed)

    def for_listing(self):
        return self.select_related("borough", "provider")


class Site(models.Model):
    """Initial Accommodation or a contingency hotel. Restricted: see SiteQuerySet.visible_to."""

    name = models.CharField(max_length=200)
    borough = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT, related_name="sites",
                                limit_choices_to={"kind": "borough"})
    provider = models.ForeignKey("partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="provided_sites", help_text="The Home Office contractor")
    kind = models.CharField(max_length=24, choices=SiteKind.choices)
    capacity_band = models.CharField(max_length=12, choices=CapacityBand.choices)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    task_groups = models.ManyToManyField("taskgroups.TaskGroup", related_name="sites",
                                         limit_choices_to={"covers_accommodation_sites": True},
                                         help_text="The accommodation task groups that follow this site")
    is_demo = models.BooleanField(default=False, help_text="Invented for the demonstration data")

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["name", "borough"], name="site_name_unique_in_borough"),
            models.CheckConstraint(name="site_kind_valid", condition=Q(kind__in=SiteKind.values)),
            models.CheckConstraint(name="site_capacity_band_valid", condition=Q(capacity_band__in=CapacityBand.values)),
            models.CheckConstraint(
                name="site_closes_after_opening",
                condition=(Q(closed_on__isnull=True) | Q(opened_on__isnull=True)
                           | Q(closed_on__gte=models.F("opened_on")))),
        ]

    def __str__(self):
        return self.name


class IssueCategory(models.TextChoices):
    HEALTHCARE_ACCESS = "healthcare_access", "Healthcare access"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    FOOD = "food", "Food"
    TRANSPORT = "transport", "Transport"
    LEGAL_ADVICE = "legal_advice", "Legal advice"
    OTHER = "other", "Other"


class IssueSeverity(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class IssueStatus(models.TextChoices):
    OPEN = "open", "Open"
    ESCALATED_HOME_OFFICE = "escalated_home_office", "Escalated to the Home Office"
    ESCALATED_PROVIDER = "escalated_provider", "Escalated to the provider"
    RESOLVED = "resolved", "Resolved"


UNRESOLVED_STATUSES = (IssueStatus.OPEN, IssueStatus.ESCALATED_HOME_OFFICE, IssueStatus.ESCALATED_PROVIDER)


class SiteIssueQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(site__in=Site.objects.visible_to(user))

    def unresolved(self):
        return self.filter(status__in=UNRESOLVED_STATUSES)

    def for_listing(self):
        return self.select_related("site", "raised_by")


class SiteIssue(models.Model):
    """One issue at a site. No personal data about residents: a description and a count of
    people affected, never who they are."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="issues")
    summary = models.CharField(max_length=200)
    description = models.TextField()
    category = models.CharField(max_length=24, choices=IssueCategory.choices)
    people_affected = models.PositiveIntegerField(null=True, blank=True,
                                                  help_text="How many residents it affects, if known")
    raised_on = models.DateField(default=timezone.localdate)
    raised_by = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT, related_name="raised_issues")
    severity = models.CharField(max_length=8, choices=IssueSeverity.choices)
    status = models.CharField(max_length=24, choices=IssueStatus.choices, default=IssueStatus.OPEN)
    resolved_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = SiteIssueQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        indexes = [models.Index(fields=["site", "status", "-raised_on"], name="site_issue_status_idx")]
        constraints = [
            models.CheckConstraint(name="site_issue_category_valid", condition=Q(category__in=IssueCategory.values)),
            models.CheckConstraint(name="site_issue_severity_valid", condition=Q(severity__in=IssueSeverity.values)),
            models.CheckConstraint(name="site_issue_status_valid", condition=Q(status__in=IssueStatus.values)),
            models.CheckConstraint(
                name="site_issue_resolved_date_iff_resolved",
                condition=(Q(status=IssueStatus.RESOLVED, resolved_on__isnull=False)
                           | (~Q(status=IssueStatus.RESOLVED) & Q(resolved_on__isnull=True)))),
            models.CheckConstraint(
                name="site_issue_resolved_after_raised",
                condition=Q(resolved_on__isnull=True) | Q(resolved_on__gte=models.F("raised_on"))),
        ]

    def __str__(self):
        return self.summary

    @property
    def is_resolved(self):
        return self.status == IssueStatus.RESOLVED


class SiteIssueUpdate(models.Model):
    """A dated note on an issue; a status change is recorded as one, with both statuses."""

    issue = models.ForeignKey(SiteIssue, on_delete=models.CASCADE, related_name="updates")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=24, choices=IssueStatus.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=IssueStatus.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-written_at", "-pk"]
        constraints = [
            models.CheckConstraint(name="site_issue_update_says_something",
                                   condition=~Q(note="") | ~Q(to_status="")),
        ]

    def __str__(self):
        return f"{self.written_at:%d %b %Y}: {self.note[:60]}"
