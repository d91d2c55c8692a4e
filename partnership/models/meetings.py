from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class MeetingQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("body").order_by("starts_at")


class Meeting(models.Model):
    body = models.ForeignKey("partnership.Body", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=200, blank=True,
                             help_text="Leave blank to use the body's name")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    online_link = models.URLField(blank=True, help_text="Shown to members only")
    status = models.CharField(max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    # Raised each time the time or place changes, so calendar clients replace the old event.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            # The calendar: past meetings newest first, a body's meetings by date; upcoming ones
            # are found by their end (ends_at >= now) and sorted in memory (a page of them).
            models.Index(fields=["starts_at", "id"], name="meeting_starts_idx"),
            models.Index(fields=["ends_at"], name="meeting_ends_idx"),
            models.Index(fields=["body", "starts_at"], name="meeting_body_starts_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="meeting_status_valid", condition=Q(status__in=MeetingStatus.values)),
            models.CheckConstraint(name="meeting_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))),
        ]

    def __str__(self):
        return f"{self.display_title} – {self.local_day:%d %b %Y}"

    @property
    def display_title(self):
        return self.title or self.body.name

    @property
    def local_day(self):
        """The meeting's day in London: the day its members are counted on (a meeting at
        00:30 in summer is on the next day in London, not on the UTC one)."""
        return timezone.localtime(self.starts_at).date()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    # The organisation the item is about (a grant to it, its report): members' registered
    # interests in it are offered when declarations are recorded on the item.
    organisation = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items",
        verbose_name="Organisation this item concerns",
        help_text="Optional. Members who registered an interest in it are listed when declarations are recorded.")

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"
