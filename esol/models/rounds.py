"""A round of ESOL Plus (Childcare, Employers, Arts, the London Capacity Fund) and the decision
lines that pay for it.

Two money rules need more than one row, so esol.services.rounds checks them under row locks:
grants awarded in a round never exceed its budget, and a round's budget never exceeds what the
expenditure lines of its decisions give it (nor is a line ever given out twice over). The
constraints here are the rules one row can hold."""

from django.db import models
from django.db.models import F, Q


class RoundStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    OPEN = "open", "Open for applications"
    ASSESSING = "assessing", "Assessing applications"
    AWARDED = "awarded", "Grants awarded"
    CLOSED = "closed", "Closed"


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rounds are the Migration Team's books: GLA officers only (a grantee contact sees their
        own projects, not the round's)."""
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.none()


class Round(models.Model):
    name = models.CharField(max_length=200, unique=True,
                            error_messages={"unique": "A round with this name exists already."})
    purpose = models.TextField()
    barriers = models.TextField("barriers it addresses")
    # Empty when the figure is not known (the Employers round's total was never published): a
    # round without a budget can award no grant.
    budget = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True,
                                 help_text="In pounds and pence, for example 100000.00")
    opens_on = models.DateField("applications open", null=True, blank=True)
    closes_on = models.DateField("applications close", null=True, blank=True)
    closing_time = models.TimeField(null=True, blank=True, help_text="For example 16:00")
    grant_min = models.DecimalField("smallest grant", max_digits=12, decimal_places=2, null=True, blank=True)
    grant_max = models.DecimalField("largest grant", max_digits=12, decimal_places=2, null=True, blank=True)
    status = models.CharField(max_length=12, choices=RoundStatus.choices, default=RoundStatus.PLANNED)
    # Where the figures come from, and which of them are demo values.
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "name"]
        indexes = [models.Index(fields=["status", "name"], name="esol_round_status_name")]
        constraints = [
            models.CheckConstraint(name="esol_round_status_valid", condition=Q(status__in=RoundStatus.values)),
            models.CheckConstraint(name="esol_round_name_not_blank", condition=~Q(name="")),
            models.CheckConstraint(name="esol_round_budget_positive",
                                   condition=Q(budget__isnull=True) | Q(budget__gt=0),
                                   violation_error_message="A budget is at least £0.01."),
            models.CheckConstraint(name="esol_round_grant_min_positive",
                                   condition=Q(grant_min__isnull=True) | Q(grant_min__gt=0),
                                   violation_error_message="The smallest grant is at least £0.01."),
            models.CheckConstraint(name="esol_round_grant_range_ordered",
                                   condition=Q(grant_min__isnull=True) | Q(grant_max__isnull=True)
                                   | Q(grant_max__gte=F("grant_min")),
                                   violation_error_message="The largest grant cannot be less than the smallest."),
            models.CheckConstraint(name="esol_round_window_ordered",
                                   condition=Q(opens_on__isnull=True) | Q(closes_on__isnull=True)
                                   | Q(closes_on__gte=F("opens_on")),
                                   violation_error_message="Applications cannot close before they open."),
        ]

    def __str__(self):
        return self.name


class RoundFunding(models.Model):
    """Part of an expenditure line of a signed funding decision given to a round: "£25,000 of
    ADD2388's Social Integration budget line for ESOL Plus Arts"."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="funding")
    line = models.ForeignKey("funding.Line", on_delete=models.PROTECT, related_name="esol_round_funding")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.CheckConstraint(name="esol_round_funding_amount_positive", condition=Q(amount__gt=0),
                                   violation_error_message="An amount is at least £0.01."),
            models.UniqueConstraint(fields=["round", "line"], name="esol_round_funding_one_per_line",
                                    violation_error_message="This line funds the round already: remove it first "
                                                            "to give another amount."),
        ]

    def __str__(self):
        return f"{self.round}: £{self.amount:,} from {self.line.decision.reference_code}"
