from django.conf import settings
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
