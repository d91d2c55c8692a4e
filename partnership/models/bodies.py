from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone


class BodyKind(models.TextChoices):
    BOARD = "board", "Board"
    PANEL = "panel", "Advisory panel"
    GROUP = "group", "Group"
    NETWORK = "network", "Network"
    SUB_GROUP = "sub_group", "Sub-group"
    TASK_GROUP = "task_group", "Task group"


class Cadence(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_YEARLY = "twice_yearly", "Twice a year"
    AS_NEEDED = "as_needed", "As needed"


MAX_REMINDER_DAYS = 60


def validate_reminder_days(value: str) -> None:
    """'7,1': whole days before a meeting, each from 1 to MAX_REMINDER_DAYS, no repeats."""
    try:
        days = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise ValidationError("Enter whole numbers of days separated by commas, for example 7,1.") from None
    if any(day < 1 or day > MAX_REMINDER_DAYS for day in days):
        raise ValidationError(f"Each reminder must be between 1 and {MAX_REMINDER_DAYS} days before the meeting.")
    if len(set(days)) != len(days):
        raise ValidationError("Enter each number of days once.")


TERMS_OF_REFERENCE_OF_ANOTHER_BODY = "Choose one of this body's own papers as its terms of reference."


class Body(models.Model):
    """Any forum that meets: the LSMP board, MRAP, HMAP, networks, sub-groups, task groups."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_bodies"
    )
    purpose = models.TextField()
    chair_name = models.CharField(max_length=200, blank=True,
                                  help_text="For example: Deputy Mayor for Social Integration")
    secretariat = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="bodies_served",
    )
    cadence = models.CharField(max_length=20, choices=Cadence.choices, default=Cadence.QUARTERLY)
    membership_is_public = models.BooleanField(default=False)
    minutes_are_public = models.BooleanField(default=False)
    reminder_days_before = models.CharField(
        max_length=40, default="7,1", blank=True, validators=[validate_reminder_days],
        help_text="Days before each meeting that members get a reminder, separated by commas "
                  "(for example 7,1). Leave blank for no reminders.")
    # The body's terms of reference are one of its papers, chosen on the body form: a paper
    # keeps its own visibility, so the body page shows it only to those who may see the paper.
    terms_of_reference = models.ForeignKey(
        "partnership.Paper", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="One of this body's papers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(name="body_kind_valid", condition=Q(kind__in=BodyKind.values)),
            models.CheckConstraint(name="body_not_own_parent", condition=~Q(parent=models.F("pk"))),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.terms_of_reference_id and self.terms_of_reference.body_id != self.pk:
            raise ValidationError({"terms_of_reference": TERMS_OF_REFERENCE_OF_ANOTHER_BODY})

    @property
    def reminder_offsets(self) -> tuple[int, ...]:
        """The reminder days, largest first; a malformed value gives no reminders, not a crash."""
        try:
            validate_reminder_days(self.reminder_days_before)
        except ValidationError:
            return ()
        return tuple(sorted({int(p) for p in self.reminder_days_before.split(",") if p.strip()}, reverse=True))


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"
    LEAD_REPRESENTATIVE = "lead_representative", "Lead representative"
    OBSERVER = "observer", "Observer"
    SECRETARIAT = "secretariat", "Secretariat"


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(started_on__lte=on), Q(ended_on__isnull=True) | Q(ended_on__gte=on))

    def at(self, meeting):
        """The members of the meeting's body on its day (London time): who is expected at it, may
        reply to it, and sees its members' side. selectors.meetings.meeting_for_page writes the
        same rule in SQL for a list of meetings."""
        return self.current(on=meeting.local_day).filter(body_id=meeting.body_id)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=24, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    organisation = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="memberships", help_text="The organisation this person represents on the body",
    )
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "user"]
        constraints = [
            models.CheckConstraint(name="membership_role_valid", condition=Q(role__in=MembershipRole.values)),
            models.CheckConstraint(
                name="membership_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
            ),
            # At most one open-ended membership of a body per person.
            models.UniqueConstraint(
                fields=["user", "body"], condition=Q(ended_on__isnull=True),
                name="membership_one_open_per_user_and_body",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.body.short_name} ({self.get_role_display()})"
