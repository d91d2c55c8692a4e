"""Resettlement offers, their review history and arrivals.

No personal data about refugees is held here: arrivals are counts (a date and a household
size), never names, dates of birth, nationalities or case numbers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from partnership.common import financial_years


class Scheme(models.TextChoices):
    UK_RESETTLEMENT = "uk_resettlement", "UK Resettlement Scheme"
    COMMUNITY_SPONSORSHIP = "community_sponsorship", "Community sponsorship"
    AFGHAN = "afghan", "Afghan schemes (ARAP and ACRS)"
    OTHER = "other", "Other scheme"


class OfferStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    MATCHED = "matched", "Matched"
    ARRIVED = "arrived", "Arrived"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DECLINED = "declined", "Declined"


# Offers that count as pledged in the figures unless a status filter says otherwise.
PLEDGED_STATUSES = (OfferStatus.SUBMITTED, OfferStatus.UNDER_REVIEW, OfferStatus.ACCEPTED,
                    OfferStatus.MATCHED, OfferStatus.ARRIVED, OfferStatus.CLOSED)
# Offers still waiting for a match: the coordinator hears when their available-from date passes.
AWAITING_MATCH_STATUSES = (OfferStatus.SUBMITTED, OfferStatus.UNDER_REVIEW, OfferStatus.ACCEPTED)


STATUS_TAG_CLASSES = {
    OfferStatus.DRAFT: "govuk-tag--grey", OfferStatus.SUBMITTED: "govuk-tag--blue",
    OfferStatus.UNDER_REVIEW: "govuk-tag--light-blue", OfferStatus.ACCEPTED: "govuk-tag--turquoise",
    OfferStatus.MATCHED: "govuk-tag--purple", OfferStatus.ARRIVED: "govuk-tag--green",
    OfferStatus.CLOSED: "govuk-tag--grey", OfferStatus.WITHDRAWN: "govuk-tag--orange",
    OfferStatus.DECLINED: "govuk-tag--red",
}


class PropertySize(models.TextChoices):
    ONE_BED = "1", "1 bedroom or studio"
    TWO_BED = "2", "2 bedrooms"
    THREE_BED = "3", "3 bedrooms"
    FOUR_BED = "4", "4 bedrooms"
    FIVE_PLUS = "5", "5 bedrooms or more"
    MIXED = "mixed", "Mixed sizes"


class Access(models.TextChoices):
    NONE = "none", "No step-free access"
    STEP_FREE = "step_free", "Step-free access"
    ADAPTED = "adapted", "Adapted for a wheelchair user"


NOT_ANSWERED = "Not yet answered"
FIRST_FINANCIAL_YEAR = 2015
LAST_FINANCIAL_YEAR = 2060


class OfferQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every submitted borough offer and every sponsorship offer; a borough
        officer sees their own borough's offers (including sponsorship offers their borough
        supports, once past draft). A borough's drafts are its own until submitted."""
        if not user.is_authenticated:
            return self.none()
        scope = Q(pk__in=[])
        is_sponsorship = Q(sponsorship_group__isnull=False)
        if user.is_gla_officer:
            scope |= is_sponsorship | ~Q(status=OfferStatus.DRAFT)
        if user.borough is not None:
            scope |= Q(borough=user.borough) & (~is_sponsorship | ~Q(status=OfferStatus.DRAFT))
        return self.filter(scope)

    def for_listing(self):
        return self.select_related("borough", "sponsorship_group")

    def pledged(self):
        return self.filter(status__in=PLEDGED_STATUSES)

    def awaiting_match_past(self, today):
        return self.filter(status__in=AWAITING_MATCH_STATUSES, available_from__lt=today)


class ResettlementOffer(models.Model):
    # The borough making the offer, or for a community sponsorship offer the supporting borough.
    borough = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT,
                                related_name="resettlement_offers",
                                limit_choices_to={"kind": "borough"})
    sponsorship_group = models.ForeignKey(
        "partnership.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="sponsorship_offers", limit_choices_to={"kind": "sponsorship_group"},
        help_text="Set for a community sponsorship offer; the borough is then the supporting borough")
    borough_consent_on = models.DateField(
        "date the supporting borough consented", null=True, blank=True)
    # A draft may be saved half-answered (blank or null here); every other status needs every
    # answer (the offer_complete_unless_draft constraint).
    scheme = models.CharField(max_length=30, choices=Scheme.choices, blank=True)
    financial_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the financial year starts in (April): 2025 means 2025/26")
    households_offered = models.PositiveSmallIntegerField(null=True, blank=True)
    people_offered = models.PositiveSmallIntegerField(null=True, blank=True)
    properties_offered = models.PositiveSmallIntegerField(null=True, blank=True)
    property_size = models.CharField(max_length=8, choices=PropertySize.choices, blank=True)
    # No default: the form pre-selects no answer (GOV.UK: never pre-select), and a draft saved
    # before the question is answered records no answer rather than "No step-free access".
    access = models.CharField(max_length=12, choices=Access.choices, blank=True)
    available_from = models.DateField(null=True, blank=True)
    support_caseworker = models.BooleanField("a dedicated caseworker", default=False)
    # Blank (not asked or left empty) stays blank; 0 is an answer.
    support_esol_places = models.PositiveSmallIntegerField("ESOL places", null=True, blank=True)
    support_school_places = models.PositiveSmallIntegerField("school places", null=True, blank=True)
    support_health_registration = models.BooleanField("help to register with a GP", default=False)
    support_other = models.CharField("other support", max_length=500, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    objects = OfferQuerySet.as_manager()

    class Meta:
        # Newest first within each year, the order of offer_year_newest_idx: a page is then the
        # index's first rows. Sorting each year by borough name read the whole year's offers for
        # every page (16,000 at a year's scale), and Postgres chose between that and a scan of
        # all 100,000 by a hair's difference in its estimates (issue 12); the list filters by
        # borough instead.
        ordering = ["-financial_year", "-pk"]
        constraints = [
            models.CheckConstraint(name="offer_status_valid", condition=Q(status__in=OfferStatus.values)),
            models.CheckConstraint(name="offer_scheme_valid", condition=Q(scheme__in=[*Scheme.values, ""])),
            models.CheckConstraint(name="offer_property_size_valid",
                                   condition=Q(property_size__in=[*PropertySize.values, ""])),
            # Only a draft may be half-answered.
            models.CheckConstraint(
                name="offer_complete_unless_draft",
                condition=Q(status=OfferStatus.DRAFT) | (
                    Q(financial_year__isnull=False, households_offered__isnull=False, people_offered__isnull=False,
                      properties_offered__isnull=False, available_from__isnull=False)
                    & ~Q(scheme="") & ~Q(property_size="") & ~Q(access=""))),
            models.CheckConstraint(name="offer_access_valid", condition=Q(access__in=[*Access.values, ""])),
            models.CheckConstraint(name="offer_households_at_least_one", condition=Q(households_offered__gte=1)),
            models.CheckConstraint(name="offer_people_at_least_households",
                                   condition=Q(people_offered__gte=F("households_offered"))),
            models.CheckConstraint(name="offer_properties_at_least_one", condition=Q(properties_offered__gte=1)),
            models.CheckConstraint(
                name="offer_financial_year_in_range",
                condition=Q(financial_year__gte=FIRST_FINANCIAL_YEAR, financial_year__lte=LAST_FINANCIAL_YEAR)),
            # A community sponsorship offer needs the supporting borough's recorded consent.
            models.CheckConstraint(
                name="offer_sponsorship_has_borough_consent",
                condition=Q(sponsorship_group__isnull=True) | Q(borough_consent_on__isnull=False)),
        ]
        indexes = [
            # Offers awaiting a match past their date (the dashboard, the reminders); with the
            # scope's column, so the dashboard's capped count reads the index alone.
            models.Index(fields=["status", "available_from", "sponsorship_group"], name="offer_status_available_idx"),
            # The list's order (Meta.ordering): a page reads its rows from here and sorts nothing.
            models.Index(fields=["-financial_year", "-id"], name="offer_year_newest_idx"),
            # The columns of visible_to's scope: the list's count reads this index, not the table;
            # with people_offered it also gives the dashboard's people pledged (index-only).
            models.Index(fields=["status", "sponsorship_group", "people_offered"], name="offer_scope_idx"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.offered_by}, {self.get_scheme_display()} {self.financial_year_display}"

    @property
    def reference(self):
        return f"RO-{self.pk:05d}" if self.pk else "RO-new"

    @property
    def financial_year_display(self):
        return financial_years.label(self.financial_year) if self.financial_year is not None else NOT_ANSWERED

    @property
    def missing_answers(self) -> list[str]:
        """The questions a draft still has to answer before it can be submitted."""
        answers = [("Scheme", self.scheme), ("Financial year", self.financial_year),
                   ("Households offered", self.households_offered), ("People offered", self.people_offered),
                   ("Number of properties", self.properties_offered), ("Size of the properties", self.property_size),
                   ("Access", self.access), ("Available from", self.available_from)]
        return [label for label, value in answers if value in (None, "")]

    @property
    def status_tag_class(self):
        return STATUS_TAG_CLASSES[self.status]

    @property
    def is_sponsorship(self):
        return self.sponsorship_group_id is not None

    @property
    def offered_by(self):
        if self.is_sponsorship:
            return f"{self.sponsorship_group} (supported by {self.borough})"
        return str(self.borough)

    @property
    def support_summary(self):
        parts = []
        if self.support_caseworker:
            parts.append("Caseworker")
        if self.support_esol_places:
            parts.append(f"{self.support_esol_places} ESOL places")
        if self.support_school_places:
            parts.append(f"{self.support_school_places} school places")
        if self.support_health_registration:
            parts.append("GP registration")
        if self.support_other:
            parts.append(self.support_other)
        return parts


class OfferTransition(models.Model):
    """One status change of an offer: the review history, never edited."""

    offer = models.ForeignKey(ResettlementOffer, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=16, choices=OfferStatus.choices)
    to_status = models.CharField(max_length=16, choices=OfferStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(name="transition_statuses_valid",
                                   condition=Q(from_status__in=OfferStatus.values, to_status__in=OfferStatus.values)),
            models.CheckConstraint(name="transition_changes_status", condition=~Q(from_status=F("to_status"))),
            # A decline always carries the reason given to the borough.
            models.CheckConstraint(name="transition_decline_has_reason",
                                   condition=~Q(to_status=OfferStatus.DECLINED) | ~Q(note="")),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} to {self.get_to_status_display()}"


class Arrival(models.Model):
    """One household arriving against an offer: a date and a count of people. Nothing else."""

    offer = models.ForeignKey(ResettlementOffer, on_delete=models.PROTECT, related_name="arrivals")
    arrived_on = models.DateField()
    household_size = models.PositiveSmallIntegerField(help_text="How many people arrived in the household")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["arrived_on", "pk"]
        constraints = [
            models.CheckConstraint(name="arrival_household_at_least_one", condition=Q(household_size__gte=1)),
        ]

    def __str__(self):
        return f"{self.household_size} people on {self.arrived_on:%d %b %Y}"
