"""Forms with crispy-forms-gds layouts. Each lists its fields explicitly: borough and status
are never among them, so posting them changes nothing. None asks about a refugee as a person."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnership.common import financial_years
from partnership.common.forms import Form, ModelForm, gds_helper
from partnership.models import Organisation, OrganisationKind

from .models import (
    FIRST_FINANCIAL_YEAR,
    LAST_FINANCIAL_YEAR,
    Access,
    PropertySize,
    ResettlementOffer,
    Scheme,
)

MAX_HOUSEHOLDS = 200
MAX_PEOPLE = 1000


class GovDateField(DateInputField):
    """GOV.UK date input that turns any impossible date (31 February, year 99999999999) into a
    clear message rather than an error page."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(**kwargs)
        self.what = what
        self.error_messages["required"] = f"Enter the {what}"
        self.error_messages["incomplete"] = f"The {what} must include a day, month and year"

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (ValidationError, OverflowError) as error:
            raise ValidationError(f"The {self.what} must be a real date") from error

    def clean(self, value):
        parts = [part for part in (value or []) if part not in self.empty_values]
        if isinstance(value, (list, tuple)) and parts and len(parts) < 3:
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            return super().clean(value)
        except OverflowError as error:
            raise ValidationError(f"The {self.what} must be a real date") from error
        except ValidationError as error:
            if getattr(error, "code", None) == "required":
                raise
            # Letters in a part, 31 February: one plain message rather than a sub-field's.
            raise ValidationError(f"The {self.what} must be a real date") from error


def year_mismatch(year: int | None, available_from) -> str | None:
    """What to say when the available-from date lies outside the offer's financial year."""
    if year is None or available_from is None:
        return None
    year_of_date = financial_years.year_of(available_from)
    if year_of_date == year:
        return None
    return (f"{available_from:%-d %B %Y} is in the financial year {financial_years.label(year_of_date)}, not "
            f"{financial_years.label(year)}: change the date or the financial year")


def financial_year_choices(today=None):
    current = financial_years.year_of(today or timezone.localdate())
    return financial_years.choices(range(current - 1, current + 3), blank="Choose a year")


def count_field(label: str, least: int, most: int, *, required: bool = True, help_text: str = ""):
    """A whole number typed into a GOV.UK text input, with messages that name the field."""
    return forms.IntegerField(
        label=label, min_value=least, max_value=most, required=required, help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": f"Enter the {label.lower()}",
                        "invalid": f"{label} must be a whole number, like 2",
                        "min_value": f"{label} must be {least} or more",
                        "max_value": f"{label} must be {most} or fewer"})


class OfferDetailsForm(ModelForm):
    """What a borough (or a sponsorship group) offers. Used to create and to change a draft."""

    financial_year = forms.TypedChoiceField(coerce=int, empty_value=None, choices=(), label="Financial year",
                                            help_text="April to March",
                                            error_messages={"required": "Choose the financial year",
                                                            "invalid_choice": "Choose a financial year from the list"})
    households_offered = count_field("Households offered", 1, MAX_HOUSEHOLDS,
                                     help_text="How many households the offer can house")
    people_offered = count_field("People offered", 1, MAX_PEOPLE,
                                 help_text="How many people in all, adults and children")
    properties_offered = count_field("Number of properties", 1, MAX_HOUSEHOLDS)
    support_esol_places = count_field("ESOL places", 0, MAX_PEOPLE, required=False,
                                      help_text="English classes for adults; 0 if none, blank if not known")
    support_school_places = count_field("School places", 0, MAX_PEOPLE, required=False,
                                        help_text="0 if none, blank if not known")

    class Meta:
        model = ResettlementOffer
        fields = ["scheme", "financial_year", "households_offered", "people_offered", "properties_offered",
                  "property_size", "access", "available_from", "support_caseworker", "support_esol_places",
                  "support_school_places", "support_health_registration", "support_other", "notes"]
        labels = {
            "scheme": "Scheme",
            "households_offered": "Households offered",
            "people_offered": "People offered",
            "properties_offered": "Number of properties",
            "property_size": "Size of the properties",
            "access": "Access",
            "support_caseworker": "A dedicated caseworker",
            "support_esol_places": "ESOL places",
            "support_school_places": "School places",
            "support_health_registration": "Help to register with a GP",
            "support_other": "Other support",
            "notes": "Notes",
        }
        help_texts = {
            "notes": "About the properties and the area. Do not write anything about refugees as people.",
        }
        widgets = {"scheme": forms.RadioSelect, "property_size": forms.RadioSelect, "access": forms.RadioSelect,
                   "notes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "scheme": {"required": "Choose the scheme"},
            "property_size": {"required": "Choose the size of the properties"},
            "access": {"required": "Choose the access the properties have"},
            "support_other": {"max_length": "Other support must be 500 characters or fewer"},
        }

    schemes = [choice for choice in Scheme.choices if choice[0] != Scheme.COMMUNITY_SPONSORSHIP]
    submit_label = "Save and continue"
    draft_label = "Save as draft and finish later"
    # Asked even of a half-finished draft: who the offer is from.
    always_required = ("sponsorship_group", "supporting_borough", "borough_consent_on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available_from"] = GovDateField(
            what="date the properties are available from", label="Available from",
            help_text="For example, 1 9 2026")
        choices = financial_year_choices()
        saved_year = self.instance.financial_year
        if saved_year is not None and saved_year not in [year for year, _ in choices[1:]]:
            choices.append((saved_year, financial_years.label(saved_year)))
        self.fields["financial_year"].choices = choices
        if "scheme" in self.fields:
            self.fields["scheme"].choices = self.schemes
        for name in ("scheme", "property_size", "access"):
            if name in self.fields:
                self.fields[name].required = True  # blank in the model only for half-answered drafts
        # Radios never offer the "---------" blank choice a model field brings.
        self.fields["property_size"].choices = PropertySize.choices
        self.fields["access"].choices = Access.choices
        # "Save as draft" keeps whatever is answered: only the format of each answer is checked.
        self.saving_draft = self.is_bound and "save_draft" in self.data
        self.helper = gds_helper(*self.layout_fields(), submit=self.submit_label, draft=self.draft_label)

    def full_clean(self):
        if self.saving_draft:
            for name, field in self.fields.items():
                if name not in self.always_required:
                    field.required = False
        super().full_clean()

    def layout_fields(self):
        number = Fixed.FIVE
        return [
            Field.radios("scheme", legend_size=Size.SMALL),
            Field.select("financial_year"),
            Field.text("households_offered", field_width=number),
            Field.text("people_offered", field_width=number),
            Field.text("properties_offered", field_width=number),
            Field.radios("property_size", legend_size=Size.SMALL, small=True),
            Field.radios("access", legend_size=Size.SMALL, small=True),
            Field("available_from"),
            Fieldset(
                Field.checkbox("support_caseworker", small=True),
                Field.text("support_esol_places", field_width=number),
                Field.text("support_school_places", field_width=number),
                Field.checkbox("support_health_registration", small=True),
                Field.text("support_other", field_width=Fluid.FULL),
                legend="Support offered", legend_size=Size.SMALL,
            ),
            Field.textarea("notes", rows=4),
        ]

    def clean_available_from(self):
        available_from = self.cleaned_data.get("available_from")
        if available_from and available_from.year < FIRST_FINANCIAL_YEAR:
            raise ValidationError("The available-from date must be a recent or future date")
        return available_from

    def clean(self):
        cleaned = super().clean()
        households, people = cleaned.get("households_offered"), cleaned.get("people_offered")
        if households and people and people < households:
            self.add_error("people_offered", "People offered must be at least the number of households")
        year = cleaned.get("financial_year")
        if year is not None and not FIRST_FINANCIAL_YEAR <= year <= LAST_FINANCIAL_YEAR:
            self.add_error("financial_year", "Choose a financial year from the list")
        elif mismatch := year_mismatch(year, cleaned.get("available_from")):
            self.add_error("available_from", mismatch)
        return cleaned

    def _post_clean(self):
        # Validation is the form's and the service's; the model's own full_clean would ask for
        # borough and status, which this form never takes.
        pass

    def offer_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}


class SponsorshipOfferForm(OfferDetailsForm):
    """A community sponsorship offer, recorded by a GLA officer with the borough's consent."""

    sponsorship_group = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.SPONSORSHIP_GROUP).order_by("name"),
        label="Community sponsorship group", empty_label="Choose a group",
        error_messages={"required": "Choose the community sponsorship group",
                        "invalid_choice": "Choose a group from the list"})
    supporting_borough = forms.ModelChoiceField(
        queryset=Organisation.objects.boroughs(), label="Supporting borough", empty_label="Choose a borough",
        error_messages={"required": "Choose the borough that supports the group",
                        "invalid_choice": "Choose a borough from the list"})

    class Meta(OfferDetailsForm.Meta):
        fields = [name for name in OfferDetailsForm.Meta.fields if name != "scheme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough_consent_on"] = GovDateField(
            what="date the borough gave its consent", label="Date the supporting borough consented",
            help_text="The borough must agree to support the group before the offer is recorded")
        self.helper = gds_helper(Field.select("sponsorship_group"), Field.select("supporting_borough"),
                              Field("borough_consent_on"), *self.layout_fields(), submit=self.submit_label,
                              draft=self.draft_label)

    def layout_fields(self):
        return [f for f in super().layout_fields() if getattr(f, "fields", [None])[0] != "scheme"]

    def clean_borough_consent_on(self):
        consent = self.cleaned_data.get("borough_consent_on")
        if consent and consent > timezone.localdate():
            raise ValidationError("The date of consent must be today or in the past")
        return consent


class SponsorshipOfferChangeForm(OfferDetailsForm):
    """Changing a sponsorship draft: the group and borough stay as recorded."""

    class Meta(OfferDetailsForm.Meta):
        fields = [name for name in OfferDetailsForm.Meta.fields if name != "scheme"]

    def layout_fields(self):
        return [f for f in super().layout_fields() if getattr(f, "fields", [None])[0] != "scheme"]


class TransitionForm(Form):
    to_status = forms.ChoiceField(label="What do you want to do?", widget=forms.RadioSelect,
                                  error_messages={"required": "Choose what to do with the offer",
                                                  "invalid_choice": "Choose one of the options"})
    note = forms.CharField(label="Note", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text="Shown in the offer's history and sent to the other side. "
                                     "Required when you decline: give the reason. "
                                     "Do not write anything about refugees as people.",
                           error_messages={"max_length": "The note must be 2,000 characters or fewer"})

    def __init__(self, *args, transitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.transitions = {t.target: t for t in transitions}
        self.fields["to_status"].choices = [(t.target, t.verb) for t in transitions]
        self.helper = gds_helper(Field.radios("to_status", legend_size=Size.MEDIUM, legend_tag="h2"),
                              Field.textarea("note", rows=4), submit="Save the change")

    def clean(self):
        cleaned = super().clean()
        transition = self.transitions.get(cleaned.get("to_status"))
        if transition and transition.note_required and not cleaned.get("note", "").strip():
            self.add_error("note", "Give the reason for declining the offer")
        return cleaned


class ArrivalForm(Form):
    """An arrival is a date and a count of people. Nothing that identifies anyone."""

    household_size = forms.IntegerField(
        label="How many people arrived in the household?", min_value=1, max_value=30,
        error_messages={"required": "Enter how many people arrived", "invalid": "Enter a whole number, like 4",
                        "min_value": "A household has at least 1 person",
                        "max_value": "A household must be 30 people or fewer"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["arrived_on"] = GovDateField(what="arrival date", label="Arrival date",
                                                 help_text="For example, 14 10 2026")
        self.order_fields(["arrived_on", "household_size"])
        self.helper = gds_helper(Field("arrived_on"), Field.text("household_size", field_width=Fixed.FIVE),
                              submit="Record the arrival")

    def clean_arrived_on(self):
        arrived_on = self.cleaned_data.get("arrived_on")
        if arrived_on and arrived_on > timezone.localdate():
            raise ValidationError("The arrival date must be today or in the past")
        if arrived_on and arrived_on.year < FIRST_FINANCIAL_YEAR:
            raise ValidationError("The arrival date must be a recent date")
        return arrived_on


class SponsorshipGroupForm(Form):
    name = forms.CharField(label="Name of the group", max_length=200,
                           error_messages={"required": "Enter the name of the group",
                                           "max_length": "The name must be 200 characters or fewer"})
    website = forms.URLField(required=False, max_length=200, assume_scheme="https",
                             error_messages={"invalid": "Enter a web address, like https://example.org"})
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                            help_text="For example, the lead sponsor organisation or the Home Office approval date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("name"), Field.text("website"), Field.textarea("notes", rows=3),
                              submit="Save the group")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Organisation.objects.filter(name__iexact=name).exists():
            raise ValidationError("An organisation with this name exists already")
        return name
