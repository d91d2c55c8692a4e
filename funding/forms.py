"""Forms for drafting and signing decisions (crispy-forms-gds layouts). Forms check what one
field can tell; the services check the rules that need the whole decision."""

import re
from decimal import Decimal

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone

from partnership.common import financial_years
from partnership.common.forms import Form, ModelForm, gds_helper
from partnership.models import Organisation, OrganisationKind, User

from .models import (
    FIRST_FINANCIAL_YEAR,
    LAST_FINANCIAL_YEAR,
    REFERENCE_CODE_MESSAGE,
    REFERENCE_CODE_PATTERN,
    STREAM_CODE_MESSAGE,
    STREAM_CODE_PATTERN,
    Decision,
    DecisionItem,
    DecisionRelation,
    FundingStream,
    Line,
    LineDirection,
    Milestone,
    Risk,
    StreamAllocation,
)

FUNDER_KINDS = (OrganisationKind.FUNDER, OrganisationKind.GOVERNMENT, OrganisationKind.CIVIL_SOCIETY,
                OrganisationKind.BUSINESS)


def _date_input():
    return forms.DateInput(attrs={"type": "date", "class": "govuk-input"}, format="%Y-%m-%d")


def _too_long(limit: int, what: str) -> dict:
    return {"max_length": f"{what} must be {limit:,} characters or fewer"}


def financial_year_choices():
    this_year = timezone.localdate().year
    return financial_years.choices(range(FIRST_FINANCIAL_YEAR, this_year + 6), blank="Choose a financial year")


class DecisionForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["reference_code", "title", "decision_type", "decision_by_name", "decision_by_title",
                  "executive_summary", "part1_facts", "part2_confidential", "equality_comments",
                  "strategy_links", "impact_assessments", "financial_comments", "legal_comments",
                  "funding_stream", "responsible_officer"]
        widgets = {"decision_type": forms.RadioSelect}
        error_messages = {
            "reference_code": {"max_length": REFERENCE_CODE_MESSAGE, "required": "Enter the reference code"},
            "title": {**_too_long(300, "Title"), "required": "Enter the title"},
            "decision_by_name": {**_too_long(200, "Name"), "required": "Enter who makes the decision"},
            "decision_by_title": {**_too_long(200, "Title"), "required": "Enter their title, e.g. Mayor of London"},
        }
        help_texts = {"part2_confidential": "GLA officers only: never shown to the public, borough officers "
                                            "or panel members, and never in exports or printouts for them"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_officer"].queryset = User.objects.filter(groups__name="gla_officer").distinct()
        self.helper = gds_helper(
            Field.text("reference_code", field_width=Fluid.ONE_QUARTER), Field.text("title"),
            Field.radios("decision_type", legend_size=Size.SMALL, inline=True),
            Field.text("decision_by_name", field_width=Fluid.TWO_THIRDS),
            Field.text("decision_by_title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("executive_summary", rows=6), Field.textarea("part1_facts", rows=8),
            Field.textarea("part2_confidential", rows=4), Field.textarea("equality_comments", rows=4),
            Field.textarea("strategy_links", rows=4), Field.textarea("impact_assessments", rows=4),
            Field.textarea("financial_comments", rows=4), Field.textarea("legal_comments", rows=4),
            Field.select("funding_stream"), Field.select("responsible_officer"),
            submit="Save decision",
        )

    def clean_reference_code(self):
        code = re.sub(r"\s+", "", self.cleaned_data["reference_code"]).upper()
        if not re.fullmatch(REFERENCE_CODE_PATTERN, code):
            raise forms.ValidationError(REFERENCE_CODE_MESSAGE)
        return code


class PoundsField(forms.DecimalField):
    """An amount as people type it: "£64,000.00" is read as 64000.00."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "").replace(" ", "")
        return super().to_python(value)


class LineForm(ModelForm):
    amount = PoundsField(
        label="Amount in pounds and pence", max_digits=12, decimal_places=2, min_value=Decimal("0.01"),
        help_text="For example 64000 or 64000.00", localize=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={"min_value": "Enter an amount of at least £0.01: amounts are always positive",
                        "invalid": "Enter the amount as a number, like 64000.00",
                        "max_decimal_places": "Enter the amount in pounds and pence, at most 2 decimal places",
                        "max_digits": "Enter an amount below £10,000,000,000",
                        "max_whole_digits": "Enter an amount below £10,000,000,000",
                        "required": "Enter the amount"})
    financial_year = forms.TypedChoiceField(coerce=int, choices=financial_year_choices,
                                            error_messages={"required": "Choose the financial year"})

    class Meta:
        model = Line
        fields = ["direction", "amount", "financial_year", "source_organisation", "source_budget", "purpose",
                  "description", "confirmed_in_writing", "confirmed_on"]
        widgets = {"direction": forms.RadioSelect, "confirmed_on": _date_input()}
        labels = {"source_organisation": "Funder", "confirmed_on": "Date confirmed in writing"}
        help_texts = {"source_organisation": "Income always comes from a funder; expenditure is drawn on a "
                                             "funder's income or on a GLA budget",
                      "source_budget": "For expenditure from the GLA's own budget, e.g. Social Integration budget"}
        error_messages = {"purpose": {**_too_long(200, "Purpose"), "required": "Enter the purpose, e.g. Enabling"},
                          "direction": {"required": "Choose income or expenditure"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = LineDirection.choices
        self.fields["source_organisation"].queryset = Organisation.objects.filter(kind__in=FUNDER_KINDS)
        self.fields["source_organisation"].required = False
        self.helper = gds_helper(
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
            Field.text("amount", field_width=Fluid.ONE_THIRD), Field.select("financial_year"),
            Field.select("source_organisation"), Field.text("source_budget", field_width=Fluid.TWO_THIRDS),
            Field.text("purpose", field_width=Fluid.TWO_THIRDS), Field.textarea("description", rows=3),
            Field.checkbox("confirmed_in_writing"), Field.text("confirmed_on", field_width=Fluid.ONE_THIRD),
            submit="Save line",
        )

    def clean(self):
        cleaned = super().clean()
        funder, budget = cleaned.get("source_organisation"), (cleaned.get("source_budget") or "").strip()
        direction = cleaned.get("direction")
        if direction == LineDirection.INCOME and not funder:
            self.add_error("source_organisation", "Choose the funder: income always comes from a funder")
        elif funder and budget:
            self.add_error("source_budget", "Choose a funder or name a GLA budget, not both")
        elif direction == LineDirection.EXPENDITURE and not funder and not budget:
            self.add_error("source_organisation", "Choose the funder whose income this spends, or name a GLA budget")
        if direction == LineDirection.INCOME:
            cleaned["source_budget"] = ""
        if cleaned.get("confirmed_in_writing"):
            if direction != LineDirection.INCOME:
                self.add_error("confirmed_in_writing", "Only income is confirmed in writing")
            elif not cleaned.get("confirmed_on"):
                self.add_error("confirmed_on", "Enter the date the funder confirmed this income in writing")
        return cleaned


class RiskForm(ModelForm):
    SCALE = [(n, str(n)) for n in range(1, 5)]
    probability = forms.TypedChoiceField(label="Current probability (1-4)", choices=SCALE, coerce=int,
                                         widget=forms.RadioSelect,
                                         error_messages={"required": "Choose a probability from 1 to 4"})
    impact = forms.TypedChoiceField(label="Current impact (1-4)", choices=SCALE, coerce=int,
                                    widget=forms.RadioSelect,
                                    error_messages={"required": "Choose an impact from 1 to 4"})

    class Meta:
        model = Risk
        fields = ["description", "mitigations", "probability", "impact"]
        error_messages = {"description": {"required": "Describe the risk"},
                          "mitigations": {"required": "Enter the mitigation measures"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("description", rows=3), Field.textarea("mitigations", rows=5),
            Field.radios("probability", legend_size=Size.SMALL, inline=True),
            Field.radios("impact", legend_size=Size.SMALL, inline=True), submit="Save risk")


class MilestoneForm(ModelForm):
    class Meta:
        model = Milestone
        fields = ["activity", "timeline", "due_on"]
        widgets = {"due_on": _date_input()}
        labels = {"due_on": "Reminder date (optional)"}
        error_messages = {"activity": {**_too_long(200, "Activity"), "required": "Enter the activity"},
                          "timeline": {**_too_long(100, "Timeline"), "required": "Enter the timeline"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("activity"), Field.text("timeline", field_width=Fluid.ONE_THIRD),
                                 Field.text("due_on", field_width=Fluid.ONE_THIRD), submit="Save milestone")


class DecisionItemForm(ModelForm):
    class Meta:
        model = DecisionItem
        fields = ["number", "text"]
        error_messages = {"number": {**_too_long(8, "Number"), "required": "Enter the item's number, e.g. 1 or 2a"},
                          "text": {"required": "Enter what is approved"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("number", field_width=Fluid.ONE_QUARTER),
                                 Field.textarea("text", rows=4), submit="Save item")


class RelationForm(ModelForm):
    to_reference_code = forms.CharField(label="Reference code of the other decision", max_length=10,
                                        error_messages={"required": "Enter the other decision's reference code",
                                                        "max_length": REFERENCE_CODE_MESSAGE})

    class Meta:
        model = DecisionRelation
        fields = ["kind", "to_reference_code"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": "How it relates"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["to_reference_code"].initial = self.instance.to_decision.reference_code
        self.helper = gds_helper(Field.radios("kind", legend_size=Size.SMALL),
                                 Field.text("to_reference_code", field_width=Fluid.ONE_QUARTER),
                                 submit="Save relation")

    def clean_to_reference_code(self):
        code = self.cleaned_data["to_reference_code"].strip().upper()
        decision = Decision.objects.filter(reference_code=code).first()
        if decision is None:
            raise forms.ValidationError(f"There is no decision {code}: record it first")
        if decision.pk == self.instance.from_decision_id:
            raise forms.ValidationError("A decision cannot relate to itself")
        self.instance.to_decision = decision
        return code


class DocumentForm(Form):
    title = forms.CharField(max_length=300, error_messages={**_too_long(300, "Title"),
                                                            "required": "Enter the document's title"},
                            help_text="For example: MD2628 Appendix A - Home Office Letter")
    file = forms.FileField(error_messages={"required": "Choose a file to upload",
                                           "empty": "The file is empty"})
    is_confidential = forms.BooleanField(label="Confidential (Part 2): GLA officers only", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title"), Field("file"), Field.checkbox("is_confidential"),
                                 submit="Upload document")


class SignForm(Form):
    date_signed = forms.DateField(widget=_date_input(),
                                  error_messages={"required": "Enter the date the decision was signed",
                                                  "invalid": "Enter a real date, like 2020-08-14"})
    signed_pdf = forms.FileField(label="Signed decision document (PDF)",
                                 error_messages={"required": "Choose the signed PDF to upload",
                                                 "empty": "The file is empty"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("date_signed", field_width=Fluid.ONE_THIRD), Field("signed_pdf"),
                                 submit="Sign decision")


class WithdrawForm(Form):
    reason = forms.CharField(widget=forms.Textarea, max_length=2000,
                             error_messages={"required": "Say why the decision is withdrawn",
                                             **_too_long(2000, "Reason")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("reason", rows=3), submit="Withdraw decision")


class ReturnToDraftForm(Form):
    reason = forms.CharField(widget=forms.Textarea, max_length=2000,
                             label="Why does the decision go back to draft?",
                             help_text="For example: the Home Office changed the grant amount",
                             error_messages={"required": "Say why the decision goes back to draft",
                                             **_too_long(2000, "Reason")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("reason", rows=3), submit="Return to draft")


class StreamAllocationForm(ModelForm):
    amount = PoundsField(label="Amount in pounds and pence", max_digits=12, decimal_places=2,
                         min_value=Decimal("0.01"), localize=False,
                         widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                         error_messages=LineForm.base_fields["amount"].error_messages)
    financial_year = forms.TypedChoiceField(coerce=int, choices=financial_year_choices,
                                            error_messages={"required": "Choose the financial year"})

    class Meta:
        model = StreamAllocation
        fields = ["funder", "financial_year", "amount", "pays_for"]
        labels = {"pays_for": "What it pays for"}
        error_messages = {"funder": {"required": "Choose the funder"},
                          "pays_for": {"max_length": "What it pays for must be 300 characters or fewer"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.filter(kind__in=FUNDER_KINDS)
        self.helper = gds_helper(Field.select("funder"), Field.select("financial_year"),
                                 Field.text("amount", field_width=Fluid.ONE_THIRD), Field.text("pays_for"),
                                 submit="Save amount")


class FundingStreamForm(ModelForm):
    funded_since = forms.IntegerField(
        label="Funded since (optional)", required=False, min_value=FIRST_FINANCIAL_YEAR,
        max_value=LAST_FINANCIAL_YEAR, help_text="The first financial year, for example 2008",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"invalid": "Enter the year as four digits, like 2008",
                        "min_value": f"Enter a year from {FIRST_FINANCIAL_YEAR} to {LAST_FINANCIAL_YEAR}",
                        "max_value": f"Enter a year from {FIRST_FINANCIAL_YEAR} to {LAST_FINANCIAL_YEAR}"})
    target_amount = PoundsField(
        label="Fundraising target in pounds (optional)", required=False, max_digits=12, decimal_places=2,
        min_value=Decimal("0.01"), localize=False, help_text="For a pooled fund, for example 1,000,000",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={**LineForm.base_fields["amount"].error_messages,
                        "min_value": "Enter a target of at least £0.01, or leave it empty"})

    class Meta:
        model = FundingStream
        fields = ["name", "short_name", "summary", "pays_for", "funders", "funded_since", "target_amount",
                  "ends_on", "lead_officer"]
        widgets = {"funders": forms.CheckboxSelectMultiple, "ends_on": _date_input()}
        labels = {"ends_on": "Current grant ends (optional)", "lead_officer": "Lead officer (optional)",
                  "funders": "Funders"}
        help_texts = {"funders": "Select all that apply. A funder with amounts recorded for the stream stays "
                                 "one of its funders."}
        error_messages = {
            "name": {**_too_long(200, "Name"), "required": "Enter the stream's name",
                     "unique": "A funding stream with this name exists already"},
            "short_name": {"max_length": "The code must be 20 characters or fewer",
                           "required": "Enter a short code, for example LSMP",
                           "unique": "A funding stream with this code exists already"},
            "summary": {"required": "Enter a summary of the stream"},
            "pays_for": {"required": "Enter what the stream pays for"},
            "ends_on": {"invalid": "Enter a real date, like 2021-03-31"},
        }

    def __init__(self, *args, code_fixed_by: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funders"].queryset = Organisation.objects.filter(kind__in=FUNDER_KINDS).order_by("name")
        self.fields["lead_officer"].queryset = User.objects.filter(groups__name="gla_officer").distinct()
        if code_fixed_by:
            # Shown, not changeable; stream_save refuses a changed code whatever is posted.
            self.fields["short_name"].disabled = True
            self.fields["short_name"].help_text = (f"Signed decision{'s' if len(code_fixed_by) > 1 else ''} "
                                                   f"{', '.join(code_fixed_by)} name this stream by its code, "
                                                   "so the code can no longer change")
        self.helper = gds_helper(
            Field.text("name"), Field.text("short_name", field_width=Fluid.ONE_QUARTER),
            Field.textarea("summary", rows=4), Field.textarea("pays_for", rows=4),
            Field.checkboxes("funders", legend_size=Size.SMALL, small=True),
            Field.text("funded_since", field_width=Fluid.ONE_QUARTER),
            Field.text("target_amount", field_width=Fluid.ONE_THIRD),
            Field.text("ends_on", field_width=Fluid.ONE_THIRD), Field.select("lead_officer"),
            submit="Save funding stream")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if FundingStream.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("A funding stream with this name exists already")
        return name

    def clean_short_name(self):
        code = re.sub(r"\s+", "", self.cleaned_data["short_name"]).upper()
        if not re.fullmatch(STREAM_CODE_PATTERN, code):
            raise forms.ValidationError(STREAM_CODE_MESSAGE)
        return code
