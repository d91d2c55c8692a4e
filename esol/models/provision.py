"""The public ESOL provision directory: who teaches English where, at what levels, when, how, at
what cost and for whom, and when someone last checked that it is still so."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from .roles import EsolRole

# An entry nobody has confirmed for this long is flagged on its page and its provider reminded.
CHECK_EVERY = dt.timedelta(days=365)


class ProvisionMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    BLENDED = "blended", "Blended (in person and online)"


class ProvisionCost(models.TextChoices):
    FREE = "free", "Free"
    FEE_REMISSION = "fee_remission", "Fee remission available"
    FEES = "fees", "Fees charged"


# The sector's levels, lowest first: (field name, label, value in addresses and CSV).
LEVELS = [
    ("level_pre_entry", "Pre-entry", "pre-entry"),
    ("level_entry_1", "Entry 1", "entry-1"),
    ("level_entry_2", "Entry 2", "entry-2"),
    ("level_entry_3", "Entry 3", "entry-3"),
    ("level_1", "Level 1", "level-1"),
    ("level_2", "Level 2", "level-2"),
]
TIMES = [
    ("daytime", "Daytime", "daytime"),
    ("evening", "Evening", "evening"),
    ("weekend", "Weekend", "weekend"),
]


def _any_of(fields) -> Q:
    condition = Q()
    for name, _label, _value in fields:
        condition |= Q(**{name: True})
    return condition


class ProvisionQuerySet(models.QuerySet):
    def kept_by(self, user):
        """The entries a person keeps: a GLA officer every one, a provider's account its own
        organisation's. (The directory itself is public: every entry is visible to everyone.)"""
        if not user.is_authenticated:
            return self.none()
        if user.is_gla_officer:
            return self.all()
        if user.has_role(EsolRole.PROVIDER) and user.organisation_id is not None:
            return self.filter(provider_id=user.organisation_id)
        return self.none()

    def for_listing(self):
        return self.select_related("provider", "borough").order_by("borough__name", "course_title", "pk")

    def not_checked_since(self, day: dt.date):
        return self.filter(last_checked_on__lt=day)


class Provision(models.Model):
    provider = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT, related_name="esol_provision")
    course_title = models.CharField("course", max_length=200, help_text="For example: ESOL for parents, Entry 1-2")
    borough = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT,
                                related_name="esol_provision_in_borough")
    level_pre_entry = models.BooleanField("Pre-entry", default=False)
    level_entry_1 = models.BooleanField("Entry 1", default=False)
    level_entry_2 = models.BooleanField("Entry 2", default=False)
    level_entry_3 = models.BooleanField("Entry 3", default=False)
    level_1 = models.BooleanField("Level 1", default=False)
    level_2 = models.BooleanField("Level 2", default=False)
    mode = models.CharField(max_length=10, choices=ProvisionMode.choices, default=ProvisionMode.IN_PERSON)
    daytime = models.BooleanField(default=False)
    evening = models.BooleanField(default=False)
    weekend = models.BooleanField(default=False)
    childcare_on_site = models.BooleanField(default=False)
    women_only = models.BooleanField("women only", default=False)
    cost = models.CharField(max_length=14, choices=ProvisionCost.choices, default=ProvisionCost.FREE)
    eligibility = models.TextField("eligibility notes", blank=True,
                                   help_text="Who may join, for example: resettled refugees; people on benefits")
    venue_name = models.CharField("venue", max_length=200, blank=True)
    venue_address = models.CharField("venue address", max_length=300, blank=True)
    venue_postcode = models.CharField("postcode", max_length=10, blank=True)
    contact_phone = models.CharField("phone", max_length=40, blank=True)
    contact_email = models.EmailField("email", blank=True)
    website = models.URLField(blank=True)
    how_to_join = models.TextField("how to join", blank=True)
    last_checked_on = models.DateField("last checked")
    # Invented for the demo: the directory says so on the entry.
    is_demo = models.BooleanField(default=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["borough__name", "course_title", "pk"]
        verbose_name_plural = "provision"
        indexes = [
            models.Index(fields=["borough", "course_title", "id"], name="esol_provision_borough"),
            models.Index(fields=["provider", "course_title"], name="esol_provision_provider"),
            models.Index(fields=["last_checked_on"], name="esol_provision_checked"),
        ]
        constraints = [
            models.CheckConstraint(name="esol_provision_mode_valid", condition=Q(mode__in=ProvisionMode.values)),
            models.CheckConstraint(name="esol_provision_cost_valid", condition=Q(cost__in=ProvisionCost.values)),
            models.CheckConstraint(name="esol_provision_has_a_level", condition=_any_of(LEVELS),
                                   violation_error_message="Choose at least one level."),
            models.CheckConstraint(name="esol_provision_has_a_time", condition=_any_of(TIMES),
                                   violation_error_message="Choose at least one time."),
            models.CheckConstraint(name="esol_provision_title_not_blank", condition=~Q(course_title="")),
        ]

    def __str__(self):
        return f"{self.course_title}, {self.provider}"

    @property
    def levels(self) -> list[str]:
        return [label for name, label, _value in LEVELS if getattr(self, name)]

    @property
    def times(self) -> list[str]:
        return [label for name, label, _value in TIMES if getattr(self, name)]

    def needs_checking(self, today: dt.date) -> bool:
        return self.last_checked_on < today - CHECK_EVERY
