"""The funding nouns: decisions like MD2628, their income and expenditure
lines, risks, milestones, documents and relations, and the funding streams behind them.

Rules that must never break are database constraints here; the rules that need more than one
row (balance by source and year, confirmed income before signing, signed means fixed) live in
funding/services.py, which every write goes through."""

import re
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from partnership.common import financial_years

# MD (Mayoral), DD (Director) or ADD (Assistant Director) decision, then digits: MD2628.
REFERENCE_CODE_PATTERN = r"^(MD|DD|ADD)[0-9]{1,6}$"
REFERENCE_CODE_MESSAGE = ("Enter a reference code that starts with MD, DD or ADD followed by digits, "
                          "for example MD2628")
FIRST_FINANCIAL_YEAR = 2000
LAST_FINANCIAL_YEAR = 2100


class DecisionType(models.TextChoices):
    MAYOR = "mayor", "Mayor"
    DIRECTOR = "director", "Director"
    ASSISTANT_DIRECTOR = "assistant_director", "Assistant Director"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_SIGNATURE = "awaiting_signature", "Awaiting signature"
    SIGNED = "signed", "Signed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# A decision may be changed only while it is a draft. Awaiting signature it is what the signer
# reads, so it is fixed until an officer returns it to draft (and submits it again); signed or
# withdrawn it is fixed for good, and a change needs a new decision that supersedes it.
EDITABLE_STATUSES = (DecisionStatus.DRAFT,)


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see every decision; everyone else the signed ones only."""
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.signed()

    def signed(self):
        return self.filter(status=DecisionStatus.SIGNED)

    def live(self):
        """Not withdrawn, and not superseded by another decision that has been signed."""
        superseded = DecisionRelation.objects.filter(
            kind=RelationKind.SUPERSEDES, to_decision=models.OuterRef("pk"),
            from_decision__status=DecisionStatus.SIGNED)
        return self.exclude(status=DecisionStatus.WITHDRAWN).exclude(models.Exists(superseded))

    def with_totals(self):
        """Each decision's income and expenditure, summed from its lines by a correlated subquery
        per decision: a page of 50 decisions sums 50 decisions' lines through the lines' decision
        index, and the pager's count, which drops these annotations, reads the decisions alone. A
        join with GROUP BY summed the lines of every decision in the table before the page's
        LIMIT, count included (issue 12)."""
        return self.annotate(income_total=_lines_total(LineDirection.INCOME),
                             expenditure_total=_lines_total(LineDirection.EXPENDITURE))


def _lines_total(direction):
    money = models.DecimalField(max_digits=14, decimal_places=2)
    lines = (Line.objects.filter(decision=models.OuterRef("pk"), direction=direction).order_by()
             .values("decision").annotate(total=models.Sum("amount")).values("total"))
    return models.functions.Coalesce(models.Subquery(lines, output_field=money), models.Value(Decimal("0.00")),
                                     output_field=money)


class Decision(models.Model):
    reference_code = models.CharField(
        max_length=10, unique=True, validators=[RegexValidator(REFERENCE_CODE_PATTERN, REFERENCE_CODE_MESSAGE)],
        error_messages={"unique": "A decision with this reference code exists already."},
        help_text="MD, DD or ADD followed by digits, for example MD2628")
    title = models.CharField(max_length=300)
    decision_type = models.CharField(max_length=20, choices=DecisionType.choices, default=DecisionType.MAYOR)
    decision_by_name = models.CharField("decision by (name)", max_length=200,
                                        help_text="For example: Sadiq Khan")
    decision_by_title = models.CharField("decision by (title)", max_length=200,
                                         help_text="For example: Mayor of London")
    status = models.CharField(max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    date_signed = models.DateField(null=True, blank=True)
    executive_summary = models.TextField(blank=True)
    part1_facts = models.TextField("Part 1: non-confidential facts and advice", blank=True)
    # Confidential: GLA officers only. Never rendered, exported, searched or printed for others.
    part2_confidential = models.TextField("Part 2: confidential facts and advice", blank=True)
    equality_comments = models.TextField(blank=True)
    strategy_links = models.TextField("links to Mayoral strategies and priorities", blank=True)
    impact_assessments = models.TextField("impact assessments and consultations", blank=True)
    financial_comments = models.TextField(blank=True)
    legal_comments = models.TextField(blank=True)
    funding_stream = models.ForeignKey("funding.FundingStream", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="decisions")
    responsible_officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="funding_decisions",
                                            help_text="Receives the milestone reminders")
    withdrawn_reason = models.TextField(blank=True)
    # Why it last went back from awaiting signature to draft; each return is in the history.
    returned_to_draft_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["part2_confidential"])
    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-date_signed", "-reference_code"]
        indexes = [
            # The register (signed decisions, newest first) and the officers' list (by status).
            models.Index(fields=["status", "-date_signed", "-reference_code"], name="decision_status_signed_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="decision_reference_code_valid",
                                   condition=Q(reference_code__regex=REFERENCE_CODE_PATTERN),
                                   violation_error_message=REFERENCE_CODE_MESSAGE),
            models.CheckConstraint(name="decision_status_valid", condition=Q(status__in=DecisionStatus.values)),
            models.CheckConstraint(name="decision_type_valid", condition=Q(decision_type__in=DecisionType.values)),
            # A signed decision has a date signed; nothing else has one.
            models.CheckConstraint(
                name="decision_date_signed_iff_signed",
                condition=(Q(status=DecisionStatus.SIGNED, date_signed__isnull=False)
                           | (~Q(status=DecisionStatus.SIGNED) & Q(date_signed__isnull=True))),
                violation_error_message="A signed decision needs its date signed; only a signed decision has one.",
            ),
        ]

    def __str__(self):
        return f"{self.reference_code} {self.title}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def decision_by(self) -> str:
        return f"{self.decision_by_name}, {self.decision_by_title}"

    @property
    def numbered_items(self) -> list["DecisionItem"]:
        """Items in the form's order: 1, 2, 2a, 2b, ..., 10 (not 1, 10, 2 as text sorts)."""
        return sorted(self.items.all(), key=DecisionItem.sort_key)


class DecisionItem(models.Model):
    """A numbered item of "That the Mayor approves: ...", e.g. "1", "2a", "2b"."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=8, help_text="For example: 1, 2a, 2b")
    text = models.TextField()

    class Meta:
        ordering = ["decision", "number"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "number"], name="decision_item_number_unique",
                                    violation_error_message="This decision has an item with that number already."),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    def sort_key(self) -> tuple[int, str]:
        digits, rest = re.match(r"(\d*)(.*)", self.number).groups()
        return (int(digits) if digits else 0, rest)


class LineDirection(models.TextChoices):
    INCOME = "income", "Income"
    EXPENDITURE = "expenditure", "Expenditure"


class Line(models.Model):
    """One income or expenditure line. Income always comes from a third party (a funder
    organisation); expenditure is drawn either on that income or on a named GLA budget."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    direction = models.CharField(max_length=12, choices=LineDirection.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2,
                                 help_text="In pounds and pence, for example 154000.00")
    financial_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_FINANCIAL_YEAR), MaxValueValidator(LAST_FINANCIAL_YEAR)],
        help_text="The year the financial year starts in April: 2020 means 2020/21")
    source_organisation = models.ForeignKey("partnership.Organisation", null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="funding_lines",
                                            verbose_name="funder")
    source_budget = models.CharField("GLA budget", max_length=200, blank=True,
                                     help_text="For example: Social Integration budget")
    purpose = models.CharField(max_length=200, help_text='For example: "Enabling", "ESOL coordination"')
    description = models.TextField(blank=True)
    confirmed_in_writing = models.BooleanField(default=False,
                                               help_text="The funder has confirmed this income in writing")
    confirmed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["decision", "direction", "financial_year", "pk"]
        constraints = [
            models.CheckConstraint(
                name="line_amount_positive", condition=Q(amount__gt=0),
                violation_error_message="Amounts are always positive: enter an amount of at least £0.01."),
            models.CheckConstraint(name="line_direction_valid", condition=Q(direction__in=LineDirection.values)),
            models.CheckConstraint(
                name="line_financial_year_range",
                condition=Q(financial_year__gte=FIRST_FINANCIAL_YEAR, financial_year__lte=LAST_FINANCIAL_YEAR),
                violation_error_message="Choose a financial year between 2000/01 and 2100/01."),
            # Exactly one source: a funder organisation or a GLA budget.
            models.CheckConstraint(
                name="line_one_source",
                condition=(Q(source_organisation__isnull=False, source_budget="")
                           | (Q(source_organisation__isnull=True) & ~Q(source_budget=""))),
                violation_error_message="Choose a funder or name a GLA budget: exactly one source.",
            ),
            # Income is third-party money: it comes from a funder, never from a GLA budget.
            models.CheckConstraint(
                name="line_income_from_funder",
                condition=~Q(direction=LineDirection.INCOME) | Q(source_organisation__isnull=False),
                violation_error_message="Income always comes from a funder, never from a GLA budget."),
            # Only income is confirmed in writing, and a confirmation carries its date.
            models.CheckConstraint(
                name="line_confirmation_dated_income",
                condition=(Q(confirmed_in_writing=False, confirmed_on__isnull=True)
                           | Q(confirmed_in_writing=True, confirmed_on__isnull=False,
                               direction=LineDirection.INCOME)),
                violation_error_message="Only income is confirmed in writing, and a confirmation needs its date.",
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} £{self.amount:,} {self.financial_year_display} {self.source_label}"

    @property
    def financial_year_display(self) -> str:
        return financial_years.label(self.financial_year)

    @property
    def source_label(self) -> str:
        if self.source_organisation_id:
            return self.source_organisation.name
        return f"GLA budget: {self.source_budget}"

    @property
    def source_key(self) -> tuple:
        return ("org", self.source_organisation_id) if self.source_organisation_id else ("gla", self.source_budget)


class RagRating(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


# The one rule for a risk's RAG rating: score = probability x impact (each 1-4, so 1-16);
# 1-4 is Green, 5-9 Amber, 10-16 Red. MD2628's risks are all 2 x 2 = 4: Green.
RAG_RULE_TEXT = "Score = probability × impact (1 to 16): 1 to 4 is Green, 5 to 9 Amber, 10 to 16 Red."


def rag_for_score(score: int) -> RagRating:
    if score <= 4:
        return RagRating.GREEN
    if score <= 9:
        return RagRating.AMBER
    return RagRating.RED


class RiskQuerySet(models.QuerySet):
    def with_score(self):
        return self.annotate(score=F("probability") * F("impact"))


class Risk(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField("risk")
    mitigations = models.TextField("mitigation measures", help_text="One measure a line")
    probability = models.PositiveSmallIntegerField("current probability (1-4)",
                                                   validators=[MinValueValidator(1), MaxValueValidator(4)])
    impact = models.PositiveSmallIntegerField("current impact (1-4)",
                                              validators=[MinValueValidator(1), MaxValueValidator(4)])

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["decision", "pk"]
        constraints = [
            models.CheckConstraint(name="risk_probability_1_to_4", condition=Q(probability__gte=1, probability__lte=4),
                                   violation_error_message="Probability is from 1 to 4."),
            models.CheckConstraint(name="risk_impact_1_to_4", condition=Q(impact__gte=1, impact__lte=4),
                                   violation_error_message="Impact is from 1 to 4."),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def risk_score(self) -> int:
        return self.probability * self.impact

    @property
    def rag(self) -> RagRating:
        return rag_for_score(self.risk_score)

    @property
    def mitigation_list(self) -> list[str]:
        return [line.strip() for line in self.mitigations.splitlines() if line.strip()]


class Milestone(models.Model):
    """A row of the decision's timeline: "LSMP workplan approved by LSMP: July 2020"."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="milestones")
    activity = models.CharField(max_length=200)
    timeline = models.CharField(max_length=100, help_text='As written on the form: "July 2020", "Ongoing work"')
    due_on = models.DateField(null=True, blank=True,
                              help_text="A date for the reminder to the responsible officer, if there is one")

    class Meta:
        ordering = ["decision", "pk"]

    def __str__(self):
        return f"{self.activity}: {self.timeline}"


class DocumentKind(models.TextChoices):
    SIGNED = "signed", "Signed decision document"
    APPENDIX = "appendix", "Supporting document"


def document_storage_name(instance, filename):
    # The stored name is generated: nothing a user typed reaches the file system.
    suffix = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"decisions/{uuid.uuid4().hex}.{suffix}"


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """GLA officers see all; others the non-confidential documents of signed decisions."""
        if user.is_authenticated and user.is_gla_officer:
            return self.all()
        return self.filter(decision__status=DecisionStatus.SIGNED, is_confidential=False)


class DecisionDocument(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=10, choices=DocumentKind.choices, default=DocumentKind.APPENDIX)
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=document_storage_name)
    original_filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size_bytes = models.PositiveBigIntegerField()
    # A Part 2 appendix: GLA officers only, like Part 2 itself.
    is_confidential = models.BooleanField("confidential (Part 2)", default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["decision", "kind", "pk"]
        constraints = [
            models.CheckConstraint(name="decision_document_kind_valid", condition=Q(kind__in=DocumentKind.values)),
            models.CheckConstraint(name="decision_document_size_positive", condition=Q(size_bytes__gt=0)),
            models.UniqueConstraint(fields=["decision"], condition=Q(kind=DocumentKind.SIGNED),
                                    name="decision_one_signed_document"),
            models.CheckConstraint(name="decision_signed_document_public",
                                   condition=~Q(kind=DocumentKind.SIGNED) | Q(is_confidential=False)),
        ]

    def __str__(self):
        return self.title


class RelationKind(models.TextChoices):
    PREVIOUS_YEAR = "previous_year", "Previous year's decision"
    SUPERSEDES = "supersedes", "Supersedes"
    RELATED = "related", "Related decision"


# How a relation reads from the other end, so that each relation shows on both decisions.
RELATION_INVERSE_LABELS = {
    RelationKind.PREVIOUS_YEAR: "Following year's decision",
    RelationKind.SUPERSEDES: "Superseded by",
    RelationKind.RELATED: "Related decision",
}


class DecisionRelation(models.Model):
    """from_decision <kind> to_decision: MD2628 has previous year MD2461."""

    from_decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="relations_out")
    to_decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=16, choices=RelationKind.choices)

    class Meta:
        ordering = ["kind", "to_decision__reference_code"]
        constraints = [
            models.CheckConstraint(name="decision_relation_kind_valid", condition=Q(kind__in=RelationKind.values)),
            models.CheckConstraint(name="decision_relation_not_self", condition=~Q(from_decision=F("to_decision")),
                                   violation_error_message="A decision cannot relate to itself."),
            models.UniqueConstraint(fields=["from_decision", "to_decision"], name="decision_relation_unique",
                                    violation_error_message="These two decisions are related already."),
        ]

    def __str__(self):
        return f"{self.from_decision.reference_code} {self.get_kind_display()} {self.to_decision.reference_code}"


# A stream's code: capitals, digits and hyphens, as the officers write them: LSMP, CMF, CII.
STREAM_CODE_PATTERN = r"^[A-Z0-9][A-Z0-9-]*$"
STREAM_CODE_MESSAGE = "Enter a code of capital letters, digits and hyphens, for example LSMP or CMF-2"


class FundingStream(models.Model):
    """A source of money for the Migration Team: the Home Office LSMP grant, the Controlling
    Migration Fund, the Citizenship and Integration Initiative pooled fund."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField("code", max_length=20, unique=True,
                                  validators=[RegexValidator(STREAM_CODE_PATTERN, STREAM_CODE_MESSAGE)],
                                  help_text="A short code, for example LSMP")
    summary = models.TextField()
    pays_for = models.TextField("what it pays for")
    funders = models.ManyToManyField("partnership.Organisation", blank=True, related_name="funding_streams")
    funded_since = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(FIRST_FINANCIAL_YEAR),
                                           MaxValueValidator(LAST_FINANCIAL_YEAR)],
        help_text="The first financial year, e.g. 2008")
    target_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True,
                                        help_text="A fundraising target, for a pooled fund")
    ends_on = models.DateField(null=True, blank=True, help_text="When the current grant ends")
    lead_officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="funding_streams_led",
                                     help_text="Reminded before the grant ends")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(name="funding_stream_target_positive",
                                   condition=Q(target_amount__isnull=True) | Q(target_amount__gt=0)),
            # "Home Office LSMP grant" and "home office LSMP grant" are one stream, not two.
            models.UniqueConstraint(Lower("name"), name="funding_stream_name_unique_ignoring_case",
                                    violation_error_message="A funding stream with this name exists already."),
            models.CheckConstraint(name="funding_stream_name_not_blank", condition=~Q(name=""),
                                   violation_error_message="Enter the stream's name."),
            # Capitals only, so that the plain unique code is unique ignoring case as well.
            models.CheckConstraint(name="funding_stream_code_valid",
                                   condition=Q(short_name__regex=STREAM_CODE_PATTERN),
                                   violation_error_message=STREAM_CODE_MESSAGE),
            models.CheckConstraint(
                name="funding_stream_funded_since_range",
                condition=Q(funded_since__isnull=True)
                | Q(funded_since__gte=FIRST_FINANCIAL_YEAR, funded_since__lte=LAST_FINANCIAL_YEAR),
                violation_error_message="Enter a first financial year between 2000 and 2100."),
        ]

    def __str__(self):
        return self.name


class StreamAllocation(models.Model):
    """An amount a funder gives a stream in one financial year, and what it pays for."""

    stream = models.ForeignKey(FundingStream, on_delete=models.CASCADE, related_name="allocations")
    funder = models.ForeignKey("partnership.Organisation", on_delete=models.PROTECT,
                               related_name="stream_allocations")
    financial_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_FINANCIAL_YEAR), MaxValueValidator(LAST_FINANCIAL_YEAR)])
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    pays_for = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["stream", "financial_year", "funder__name"]
        constraints = [
            models.CheckConstraint(name="stream_allocation_amount_positive", condition=Q(amount__gt=0),
                                   violation_error_message="Amounts are always positive."),
            models.UniqueConstraint(fields=["stream", "funder", "financial_year"],
                                    name="stream_allocation_one_per_funder_year",
                                    violation_error_message="This funder has an amount for that year already: "
                                                            "change it instead."),
        ]

    def __str__(self):
        return f"{self.stream.short_name} {financial_years.label(self.financial_year)} {self.funder}: £{self.amount:,}"

    @property
    def financial_year_display(self) -> str:
        return financial_years.label(self.financial_year)
