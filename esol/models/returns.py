"""Monitoring returns: what a funded project reports for a period, the steps each return went
through (who, when, what was said), its case studies and its evidence files.

No learner is a person here: the figures are counts, and a case study tells a story without a
name (tests/esol/test_no_personal_data.py fails if a field for a name, a date of birth or any
other personal detail is added)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .projects import Project


class ReturnKind(models.TextChoices):
    PERIODIC = "periodic", "Period return"
    FINAL = "final", "Final return"
    AD_HOC = "ad_hoc", "Ad hoc return"


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    ACCEPTED = "accepted", "Accepted"


# The grantee may change a return in these; once submitted it waits for the coordinator.
EDITABLE_STATUSES = (ReturnStatus.DRAFT, ReturnStatus.RETURNED)
# A submitted or accepted return carries every figure and its narrative (a database rule).
COMPLETE_STATUSES = (ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED)


class ReturnQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The returns of the projects the user may see."""
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.filter(project__in=Project.objects.visible_to(user))

    def for_listing(self):
        return self.select_related("project", "project__round", "project__lead_organisation").order_by(
            "due_on", "project__title", "pk")

    def outstanding(self):
        return self.filter(status__in=EDITABLE_STATUSES)

    def missing(self, today):
        """Due before today and not submitted (a return sent back counts again as missing)."""
        return self.outstanding().filter(due_on__lt=today)

    def submitted_late(self):
        """Submitted after the due date and not yet accepted or returned."""
        return self.filter(status=ReturnStatus.SUBMITTED, submitted_at__date__gt=F("due_on"))


class MonitoringReturn(models.Model):
    project = models.ForeignKey("esol.Project", on_delete=models.PROTECT, related_name="returns")
    kind = models.CharField(max_length=10, choices=ReturnKind.choices, default=ReturnKind.PERIODIC)
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    # Counts for the period, never people. Empty until the grantee answers.
    learners_enrolled = models.PositiveIntegerField("learners enrolled in the period", null=True, blank=True)
    learners_completed = models.PositiveIntegerField("learners who completed in the period", null=True, blank=True)
    learners_progressed = models.PositiveIntegerField("learners who progressed in the period", null=True, blank=True)
    learning_hours = models.PositiveIntegerField("learning hours delivered in the period", null=True, blank=True)
    spend = models.DecimalField("grant spent in the period", max_digits=12, decimal_places=2, null=True, blank=True)
    progress = models.TextField("progress in the period", blank=True)
    barriers = models.TextField("barriers met, and what was done about them", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    # Invented for the demo: the pages say so.
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["project", "due_on", "pk"]
        indexes = [
            models.Index(fields=["status", "due_on"], name="esol_return_status_due"),
            models.Index(fields=["project", "due_on"], name="esol_return_project_due"),
            models.Index(fields=["due_on", "id"], name="esol_return_due"),
        ]
        constraints = [
            models.CheckConstraint(name="esol_return_status_valid", condition=Q(status__in=ReturnStatus.values)),
            models.CheckConstraint(name="esol_return_kind_valid", condition=Q(kind__in=ReturnKind.values)),
            models.CheckConstraint(name="esol_return_period_ordered", condition=Q(period_end__gte=F("period_start")),
                                   violation_error_message="A period cannot end before it starts."),
            models.CheckConstraint(name="esol_return_spend_not_negative",
                                   condition=Q(spend__isnull=True) | Q(spend__gte=0),
                                   violation_error_message="Spend cannot be negative."),
            # Only a complete return can be submitted or accepted.
            models.CheckConstraint(
                name="esol_return_complete_when_submitted",
                condition=~Q(status__in=COMPLETE_STATUSES)
                | (Q(learners_enrolled__isnull=False, learners_completed__isnull=False,
                     learners_progressed__isnull=False, learning_hours__isnull=False, spend__isnull=False,
                     submitted_at__isnull=False) & ~Q(progress="")),
                violation_error_message="A return is submitted with every figure and its progress."),
            # One scheduled return per project and period; ad hoc returns may overlap them.
            models.UniqueConstraint(fields=["project", "kind", "period_start", "period_end"],
                                    condition=~Q(kind=ReturnKind.AD_HOC), name="esol_return_one_per_period",
                                    violation_error_message="The project has a return for this period already."),
        ]

    def __str__(self):
        return f"{self.project}: {self.period_label}"

    @property
    def period_label(self) -> str:
        return f"{self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def is_missing(self, today) -> bool:
        return self.is_editable and self.due_on < today

    @property
    def was_late(self) -> bool:
        return self.submitted_at is not None and self.submitted_at.date() > self.due_on

    @property
    def missing_answers(self) -> list[str]:
        """What must still be answered before the return can be submitted, in the form's words."""
        labels = [(self.learners_enrolled, "Learners enrolled"), (self.learners_completed, "Learners who completed"),
                  (self.learners_progressed, "Learners who progressed"), (self.learning_hours, "Learning hours"),
                  (self.spend, "Grant spent"), (self.progress or None, "Progress in the period")]
        return [label for value, label in labels if value is None]


class ReturnTransition(models.Model):
    """One step of a return: submitted, returned with comments, accepted. Who, when, what was said."""

    monitoring_return = models.ForeignKey(MonitoringReturn, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=ReturnStatus.choices)
    to_status = models.CharField(max_length=10, choices=ReturnStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["monitoring_return", "at", "pk"]
        constraints = [
            models.CheckConstraint(name="esol_return_transition_statuses_valid",
                                   condition=Q(from_status__in=ReturnStatus.values, to_status__in=ReturnStatus.values)),
            models.CheckConstraint(name="esol_return_transition_moves", condition=~Q(from_status=F("to_status"))),
            # Sending a return back always says why.
            models.CheckConstraint(name="esol_return_transition_returned_has_comment",
                                   condition=~Q(to_status=ReturnStatus.RETURNED) | ~Q(comment=""),
                                   violation_error_message="Say what needs to change."),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} to {self.get_to_status_display()}"


class CaseStudy(models.Model):
    """A learner's story told without identifying them: no name, no age, no address, no photo."""

    monitoring_return = models.ForeignKey(MonitoringReturn, on_delete=models.CASCADE, related_name="case_studies")
    title = models.CharField(max_length=200, help_text="A short title, for example: From Entry 1 to a first job")
    story = models.TextField(help_text="What happened and what changed. Do not name the learner or anyone "
                                       "else, and leave out details that would identify them.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["monitoring_return", "pk"]
        verbose_name_plural = "case studies"
        constraints = [models.CheckConstraint(name="esol_case_study_not_blank",
                                              condition=~Q(title="") & ~Q(story=""))]

    def __str__(self):
        return self.title


def evidence_storage_name(instance, filename):
    # The stored name is generated: nothing a user typed reaches the file system.
    suffix = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"esol/evidence/{uuid.uuid4().hex}.{suffix}"


class EvidenceFile(models.Model):
    monitoring_return = models.ForeignKey(MonitoringReturn, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=evidence_storage_name)
    original_filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size_bytes = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["monitoring_return", "pk"]
        constraints = [models.CheckConstraint(name="esol_evidence_size_positive", condition=Q(size_bytes__gt=0))]

    def __str__(self):
        return self.title
