from django.conf import settings
from django.db import models
from django.db.models import Q


class FocusArea(models.TextChoices):
    MOVE_ON = "move_on", "Move-on of newly recognised refugees"
    HEALTHCARE = "healthcare", "Healthcare in Initial Accommodation"
    ACCOMMODATION_WELFARE = "accommodation_welfare", "Welfare in contingency hotels and Initial Accommodation"
    OTHER = "other", "Other"


class TaskGroupQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("body", "lead_officer", "reports_to")

    def current(self, on):
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=on))


class TaskGroup(models.Model):
    """What only a task group has. Its meetings, papers, members and actions are those of its
    body (kind task group), so they work as for any body."""

    body = models.OneToOneField("partnership.Body", on_delete=models.PROTECT, related_name="task_group")
    remit = models.TextField()
    focus_area = models.CharField(max_length=32, choices=FocusArea.choices)
    convened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    lead_officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="led_task_groups", help_text="The GLA officer who leads it")
    reports_to = models.ForeignKey("partnership.Body", on_delete=models.PROTECT,
                                   related_name="reporting_task_groups")
    # Members of an accommodation task group see the Initial Accommodation sites it follows
    # and their issue logs; other task groups' members do not.
    covers_accommodation_sites = models.BooleanField(default=False)

    objects = TaskGroupQuerySet.as_manager()

    class Meta:
        ordering = ["body__name"]
        constraints = [
            models.CheckConstraint(name="taskgroup_focus_area_valid", condition=Q(focus_area__in=FocusArea.values)),
            models.CheckConstraint(name="taskgroup_closes_after_convened",
                                   condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("convened_on"))),
            models.CheckConstraint(name="taskgroup_does_not_report_to_itself",
                                   condition=~Q(reports_to=models.F("body"))),
        ]

    def __str__(self):
        return self.body.name

    @property
    def name(self):
        return self.body.name
