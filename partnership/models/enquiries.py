"""The public enquiry: the contact and offer-of-support form of seed 000 and the Migration
Team's queue behind it. Personal data here is anonymised after the retention period, so the
model deliberately keeps no django-simple-history copy (a history table would keep it forever)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class EnquiryKind(models.TextChoices):
    QUESTION = "question", "A question"
    CONCERN = "concern", "A concern"
    OFFER_OF_SUPPORT = "offer", "An offer of support"
    GET_INVOLVED = "involved", "Getting involved in the partnership's work"
    ACCESSIBLE_FORMAT = "accessible", "A document in an accessible format"


class EnquiryStatus(models.TextChoices):
    NEW = "new", "New"
    ASSIGNED = "assigned", "Assigned"
    RESPONDED = "responded", "Responded"
    CLOSED = "closed", "Closed"
    SPAM = "spam", "Spam"


# Still waiting for the team's answer: these can be overdue and are reminded.
OPEN_STATUSES = (EnquiryStatus.NEW, EnquiryStatus.ASSIGNED)
# Finished with: these are anonymised once the retention period has passed.
FINISHED_STATUSES = (EnquiryStatus.CLOSED, EnquiryStatus.SPAM)
# Open enquiries sort first in the queue: 0, then the rest: 1.
OPEN_RANK, CLOSED_RANK = 0, 1


class OfferType(models.TextChoices):
    ACCOMMODATION = "accommodation", "Accommodation"
    VOLUNTEERING = "volunteering", "Volunteering"
    ENGLISH_TEACHING = "english", "English teaching"
    EMPLOYMENT = "employment", "Employment or training"
    DONATIONS = "donations", "Donations"
    COMMUNITY_SPONSOR = "sponsor", "Becoming a community sponsor"
    PROFESSIONAL_SERVICES = "professional", "Professional services"
    OTHER = "other", "Something else"


class AccessibleFormat(models.TextChoices):
    LARGE_PRINT = "large_print", "Large print"
    BRAILLE = "braille", "Braille"
    AUDIO = "audio", "Audio"
    EASY_READ = "easy_read", "Easy read"
    OTHER = "other", "Another format"


class EnquiryCounter(models.Model):
    """The last reference number given out in a year. The row is locked while a number is
    taken, so two enquiries sent at the same moment never share one."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class EnquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.none()

    def still_open(self):
        return self.filter(open_rank=OPEN_RANK)

    def overdue(self, today=None):
        """Open enquiries whose reply-by date has passed. Derived, never stored."""
        return self.still_open().filter(response_due__lt=today or timezone.localdate())

    def not_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(status__in=OPEN_STATUSES, response_due__lt=today)

    def for_email(self, email: str):
        return self.filter(email__iexact=email.strip())

    def for_queue(self):
        return self.select_related("assignee", "borough").order_by("open_rank", "response_due", "-received_at", "pk")


class Enquiry(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=EnquiryKind.choices)

    # Who wrote, and what they chose to tell us.
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254, blank=True)  # blank only once anonymised
    phone = models.CharField(max_length=30, blank=True)
    organisation_name = models.CharField("organisation", max_length=200, blank=True)
    borough = models.ForeignKey("partnership.Organisation", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+",
                                limit_choices_to={"kind": "borough"})
    message = models.TextField(max_length=5000, blank=True)  # blank only once anonymised
    consent_given_at = models.DateTimeField()

    # An offer of support.
    offer_types = models.JSONField(default=list, blank=True)
    offer_other = models.CharField("other offer", max_length=200, blank=True)
    offer_where = models.CharField("where the support is offered", max_length=200, blank=True)

    # A request for a document in an accessible format.
    document_requested = models.CharField(max_length=300, blank=True)
    accessible_format = models.CharField(max_length=20, choices=AccessibleFormat.choices, blank=True)
    accessible_format_other = models.CharField("other format", max_length=100, blank=True)
    assistive_technology = models.CharField(max_length=200, blank=True)

    # Triage.
    received_at = models.DateTimeField(default=timezone.now)
    response_due = models.DateField()
    status = models.CharField(max_length=12, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="assigned_enquiries")
    assigned_at = models.DateTimeField(null=True, blank=True)
    response_note = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)  # closed or marked as spam
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # The queue's "open ones first" as a column an index can serve (issue 12), computed by the
    # database from status.
    open_rank = models.GeneratedField(
        expression=models.Case(models.When(status__in=OPEN_STATUSES, then=models.Value(OPEN_RANK)),
                               default=models.Value(CLOSED_RANK)),
        output_field=models.SmallIntegerField(), db_persist=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name_plural = "enquiries"
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="enquiry_unique_year_number"),
            models.CheckConstraint(name="enquiry_status_valid",
                                   condition=Q(status__in=EnquiryStatus.values)),
            models.CheckConstraint(name="enquiry_kind_valid", condition=Q(kind__in=EnquiryKind.values)),
            models.CheckConstraint(name="enquiry_format_valid",
                                   condition=Q(accessible_format__in=[*AccessibleFormat.values, ""])),
            # Assigned and responded enquiries have someone who answers for them.
            models.CheckConstraint(
                name="enquiry_assigned_has_assignee",
                condition=~Q(status__in=[EnquiryStatus.ASSIGNED, EnquiryStatus.RESPONDED])
                | Q(assignee__isnull=False)),
            models.CheckConstraint(
                name="enquiry_responded_has_time",
                condition=~Q(status__in=[EnquiryStatus.RESPONDED, EnquiryStatus.CLOSED])
                | Q(responded_at__isnull=False)),
            models.CheckConstraint(
                name="enquiry_finished_has_time",
                condition=~Q(status__in=FINISHED_STATUSES) | Q(closed_at__isnull=False)),
            # Only a finished enquiry is ever anonymised; until then it keeps an address to answer.
            models.CheckConstraint(
                name="enquiry_anonymised_only_when_finished",
                condition=Q(anonymised_at__isnull=True, email__gt="")
                | Q(anonymised_at__isnull=False, status__in=FINISHED_STATUSES)),
        ]
        indexes = [
            models.Index(fields=["status", "response_due"], name="enquiry_queue_idx"),
            # The queue's order: open first, by reply-by date, newest received first.
            models.Index(fields=["open_rank", "response_due", "-received_at", "id"], name="enquiry_rank_due_idx"),
            # "Assigned to you" (the dashboard, the queue's assignee filter).
            models.Index(fields=["assignee", "open_rank"], name="enquiry_assignee_rank_idx"),
        ]

    def __str__(self):
        return f"{self.reference} ({self.get_kind_display()})"

    @property
    def subject_key(self) -> str:
        return f"partnership.enquiry:{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.response_due < timezone.localdate()

    @property
    def offer_type_labels(self) -> list[str]:
        labels = dict(OfferType.choices)
        return [labels.get(code, code) for code in self.offer_types]
