"""The officer's forms for a round and for the decision lines that fund it."""

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms

from partnership.common.forms import Form, ModelForm, TimeInput, gds_helper

from ..models import Round, RoundStatus
from ..selectors.rounds import fundable_lines
from .fields import MoneyField, date_field


class LineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, line):
        # `left` is annotated by esol.selectors.rounds.fundable_lines, the queryset of both forms.
        money = f"£{line.amount:,.2f}" if line.left == line.amount else f"£{line.left:,.2f} left of £{line.amount:,.2f}"
        return (f"{line.decision.reference_code}: {line.purpose}, {line.financial_year_display}, {money} "
                f"({line.source_label})")


class RoundForm(ModelForm):
    budget = MoneyField(label="Budget (£)", required=False,
                        help_text="In pounds and pence. Leave empty if it is not known: a round without a "
                                  "budget cannot award grants.")
    grant_min = MoneyField(label="Smallest grant (£)", required=False)
    grant_max = MoneyField(label="Largest grant (£)", required=False)

    class Meta:
        model = Round
        fields = ["name", "purpose", "barriers", "budget", "opens_on", "closes_on", "closing_time", "grant_min",
                  "grant_max", "status", "notes"]
        labels = {"name": "Name", "purpose": "Purpose", "barriers": "Barriers it addresses",
                  "closing_time": "Closing time", "status": "Status", "notes": "Notes"}
        help_texts = {"name": "For example: ESOL Plus Arts",
                      "notes": "Where the figures come from, and any that are demo values"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3}), "barriers": forms.Textarea(attrs={"rows": 3}),
                   "notes": forms.Textarea(attrs={"rows": 3}), "closing_time": TimeInput(),
                   "status": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the round's name", "unique": "A round with this name exists"},
                          "purpose": {"required": "Enter the round's purpose"},
                          "barriers": {"required": "Enter the barriers the round addresses"}}

    submit_label = "Save the round"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opens_on"] = date_field("Date applications open", required=False)
        self.fields["closes_on"] = date_field("Date applications close", required=False)
        self.fields["status"].choices = RoundStatus.choices
        self.helper = gds_helper(*self.layout_fields(), submit=self.submit_label)

    def layout_fields(self):
        return [
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.textarea("purpose", rows=3),
            Field.textarea("barriers", rows=3),
            Field.text("budget", field_width=Fixed.TEN),
            Fieldset(Field.text("opens_on", field_width=Fixed.TEN), Field.text("closes_on", field_width=Fixed.TEN),
                     Field.text("closing_time", field_width=Fixed.FIVE),
                     legend="Application window", legend_size=Size.SMALL),
            Fieldset(Field.text("grant_min", field_width=Fixed.TEN), Field.text("grant_max", field_width=Fixed.TEN),
                     legend="Grant for each project", legend_size=Size.SMALL),
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Field.textarea("notes", rows=3),
        ]

    def clean(self):
        data = super().clean()
        low, high = data.get("grant_min"), data.get("grant_max")
        if low is not None and high is not None and high < low:
            self.add_error("grant_max", "The largest grant cannot be less than the smallest")
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "Applications cannot close before they open")
        return data

    def round_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RoundCreateForm(RoundForm):
    """A new round names the decision line that pays for it (more can be added on its page)."""

    line = LineChoiceField(queryset=None, required=False, label="Funded by",
                           empty_label="Choose a signed decision's expenditure line",
                           help_text="Needed when you give a budget: a budget never exceeds its decisions' lines")
    amount = MoneyField(label="Amount from that line (£)", required=False,
                        help_text="Leave empty to take the whole budget from it")

    submit_label = "Create the round"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = fundable_lines()

    def layout_fields(self):
        fields = super().layout_fields()
        return [*fields[:4], Field.select("line"), Field.text("amount", field_width=Fixed.TEN), *fields[4:]]

    def clean(self):
        data = super().clean()
        if data.get("budget") is not None and data.get("line") is None and "line" not in self.errors:
            self.add_error("line", "Choose the decision line that funds this budget")
        return data


class RoundFundingForm(Form):
    line = LineChoiceField(queryset=None, label="Expenditure line", empty_label="Choose a line",
                           error_messages={"required": "Choose the expenditure line",
                                           "invalid_choice": "Choose a line from the list"})
    amount = MoneyField(label="Amount for this round (£)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = fundable_lines()
        self.helper = gds_helper(Field.select("line"), Field.text("amount", field_width=Fixed.TEN),
                                 submit="Add the funding")
