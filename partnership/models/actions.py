from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
# Open (or in progress) actions sort first: 0, then everything else: 1.
OPEN_RANK, CLOSED_RANK = 0, 1


def owned_by_q(user) -> Q:
    """The actions the user owns: as the owner, or as the contact user of the owning organisation
    while they still belong to it (someone who moves on stops acting for their old organisation).
    Action.is_owned_by says the same for one action; keep the two in step."""
    return Q(owner_user=user) | Q(owner_contact_user=user, owner_organisation_id=user.organisation_id,
                                  owner_organisation__isnull=False)


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        return self.filter(owned_by_q(user) | Q(body_id__in=user.current_body_ids))

    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owned_by_q(user))

    def still_open(self):
        # open_rank, not status__in: the indexes lead with it (see Action.open_rank).
        return self.filter(open_rank=OPEN_RANK)

    def overdue(self, today=None):
        # Overdue is derived from the due date, never stored.
        return self.still_open().filter(due_on__lt=today or timezone.localdate())

    def for_listing(self):
        return self.select_related("body", "meeting", "owner_user", "owner_organisation")


class Action(models.Model):
    description = models.TextField()
    body = models.ForeignKey("partnership.Body", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="actions")
    meeting = models.ForeignKey("partnership.Meeting", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="actions")
    agenda_item = models.ForeignKey("partnership.AgendaItem", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="actions")
    owner_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="owned_actions")
    owner_organisation = models.ForeignKey("partnership.Organisation", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="owned_actions")
    owner_contact = models.CharField(max_length=200, blank=True,
                                     help_text="The named contact when an organisation owns the action")
    # The contact as a portal account, when they have one: they then act as the owner (updates,
    # marking done, notices). SET_NULL, not PROTECT: the organisation stays the owner and the typed
    # contact name stays, so removing the account loses only the route to a person, and should not
    # be blocked by every action their organisation owns (the history keeps who it was).
    owner_contact_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                           on_delete=models.SET_NULL, related_name="contact_for_actions")
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The list's order "open ones first" as a column an index can serve (issue 12: a CASE in
    # ORDER BY made Postgres sort all 100,000 actions on disk). Computed by the database from
    # status, so no service can forget to keep it; the history does not copy it.
    open_rank = models.GeneratedField(
        expression=models.Case(models.When(status__in=OPEN_STATUSES, then=models.Value(OPEN_RANK)),
                               default=models.Value(CLOSED_RANK)),
        output_field=models.SmallIntegerField(), db_persist=True)

    history = HistoricalRecords(excluded_fields=["open_rank"])
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            # /actions/ and "my actions": open first, then by due date (and the overdue filter,
            # the open and overdue counts of the dashboard).
            models.Index(fields=["open_rank", "due_on", "id"], name="action_rank_due_idx"),
            # A body's actions in the same order: matters arising, the body filter.
            models.Index(fields=["body", "open_rank", "due_on", "id"], name="action_body_rank_due_idx"),
            # The owner filter's "is this person their organisation's contact on any action?" probe
            # (owned_by_q): both columns, so SQLite, which keeps no statistics unless asked, does
            # not probe by the organisation instead and read each organisation's thousands of
            # actions (1.2 s for the action list at 100,000 actions).
            models.Index(fields=["owner_contact_user", "owner_organisation"], name="action_contact_org_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="action_status_valid", condition=Q(status__in=ActionStatus.values)),
            models.CheckConstraint(
                name="action_has_owner",
                condition=Q(owner_user__isnull=False) | Q(owner_organisation__isnull=False),
            ),
            models.CheckConstraint(
                name="action_contact_user_only_for_organisation_owner",
                condition=(Q(owner_contact_user__isnull=True)
                           | Q(owner_organisation__isnull=False, owner_user__isnull=True)),
            ),
            models.CheckConstraint(
                name="action_completed_date_iff_done",
                condition=(Q(status=ActionStatus.DONE, completed_on__isnull=False)
                           | (~Q(status=ActionStatus.DONE) & Q(completed_on__isnull=True))),
            ),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def is_overdue(self):
        return self.overdue_on(timezone.localdate())

    def overdue_on(self, today) -> bool:
        """Still open (or in progress) and due before `today`: a table asks for today once."""
        return self.status in OPEN_STATUSES and self.due_on < today

    def is_owned_by(self, user) -> bool:
        """The same rule as owned_by_q, for one action already loaded (no query)."""
        if not user.is_authenticated:
            return False
        if self.owner_user_id is not None:
            return self.owner_user_id == user.pk
        return (self.owner_contact_user_id is not None and self.owner_contact_user_id == user.pk
                and self.owner_organisation_id is not None and self.owner_organisation_id == user.organisation_id)

    @property
    def notice_recipient(self):
        """Who action notices go to: the owner, or the organisation's contact user while they
        belong to it and can sign in; else nobody."""
        if self.owner_user_id is not None:
            return self.owner_user if self.owner_user.is_active else None
        contact = self.owner_contact_user
        if contact is not None and contact.is_active and contact.organisation_id == self.owner_organisation_id:
            return contact
        return None

    @property
    def owner_display(self):
        if self.owner_user_id:
            return str(self.owner_user)
        contact = f" ({self.owner_contact})" if self.owner_contact else ""
        return f"{self.owner_organisation}{contact}"


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    note = models.TextField()

    class Meta:
        ordering = ["-written_at"]

    def __str__(self):
        return f"{self.written_at:%d %b %Y}: {self.note[:60]}"
