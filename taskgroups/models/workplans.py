from django.conf import settings
from django.db import models
from django.db.models import Q


class WorkplanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    SUPERSEDED = "superseded", "Superseded"


class WorkplanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every workplan; members of the owning body see its workplans."""
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        return self.filter(owner_body_id__in=user.current_body_ids)

    def for_listing(self):
        return self.select_related("owner_body", "approved_at_meeting", "superseded_by")


class Workplan(models.Model):
    """A plan of work owned by a body for one or more financial years (first_year is the
    calendar year a financial year starts in: 2011 is 2011/12)."""

    owner_body = models.ForeignKey("partnership.Body", on_delete=models.PROTECT, related_name="workplans")
    title = models.CharField(max_length=300)
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=WorkplanStatus.choices, default=WorkplanStatus.DRAFT)
    approved_at_meeting = models.ForeignKey("partnership.Meeting", null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+")
    approved_on = models.DateField(null=True, blank=True)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="supersedes")
    source_note = models.CharField(max_length=300, blank=True,
                                   help_text="Where the plan comes from, for example the published document")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkplanQuerySet.as_manager()

    class Meta:
        ordering = ["-first_year", "title", "pk"]
        indexes = [models.Index(fields=["owner_body", "-first_year"], name="workplan_body_year_idx")]
        constraints = [
            models.CheckConstraint(name="workplan_status_valid", condition=Q(status__in=WorkplanStatus.values)),
            models.CheckConstraint(name="workplan_period_in_order", condition=Q(last_year__gte=models.F("first_year"))),
            models.CheckConstraint(
                name="workplan_approved_has_date",
                condition=Q(status=WorkplanStatus.DRAFT) | Q(approved_on__isnull=False)),
            models.CheckConstraint(
                name="workplan_superseded_has_successor",
                condition=~Q(status=WorkplanStatus.SUPERSEDED) | Q(superseded_by__isnull=False)),
            models.CheckConstraint(name="workplan_not_superseded_by_itself",
                                   condition=~Q(superseded_by=models.F("pk"))),
        ]

    def __str__(self):
        return self.title

    @property
    def period_label(self):
        first = f"{self.first_year}/{(self.first_year + 1) % 100:02d}"
        if self.last_year == self.first_year:
            return first
        return f"{first} to {self.last_year}/{(self.last_year + 1) % 100:02d}"


class Theme(models.Model):
    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    core_objective = models.TextField(blank=True)

    class Meta:
        ordering = ["workplan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["workplan", "number"], name="theme_number_unique_in_workplan"),
            models.CheckConstraint(name="theme_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Priority(models.Model):
    """Numbered "<theme>.<position>", like 1.2: the theme's number is always the first part,
    because only the position is stored."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveSmallIntegerField()
    title = models.TextField()
    year_objective = models.TextField(blank=True)

    class Meta:
        ordering = ["theme", "position"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["theme", "position"], name="priority_position_unique_in_theme"),
            models.CheckConstraint(name="priority_position_positive", condition=Q(position__gte=1)),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def number(self):
        return f"{self.theme.number}.{self.position}"


class WorkplanAction(models.Model):
    """The link from a priority to one of the portal's actions. Description, owner, due date,
    status and updates live on the action (partnership.Action), so a workplan action is in the
    one action log; what only a workplan knows (the source's deadline wording, partners) is here."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="workplan_actions")
    action = models.OneToOneField("partnership.Action", on_delete=models.PROTECT, related_name="workplan_link")
    position = models.PositiveSmallIntegerField()
    deadline_text = models.CharField(max_length=200, blank=True,
                                     help_text='The deadline as the source words it, for example "by September 2011"')
    partners = models.ManyToManyField("partnership.Organisation", blank=True, related_name="workplan_actions")

    class Meta:
        ordering = ["priority", "position"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "position"], name="workplan_action_position_unique"),
        ]

    def __str__(self):
        return str(self.action)
