"""The officer's form for a funded project, and the one to make its schedule of returns."""

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms

from partnership.common.forms import ModelForm, gds_helper
from partnership.common.query_params import as_id
from partnership.models import Organisation, OrganisationKind, User

from ..models import Project, ProjectStatus, ReportingFrequency
from .fields import MoneyField, count_field, date_field


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name or user.email} ({user.email})"


class ProjectForm(ModelForm):
    grant_awarded = MoneyField(label="Grant awarded (£)", help_text="In pounds and pence, for example 40000.00")
    target_enrolled = count_field("Learners enrolled (target)", required=False)
    target_completed = count_field("Learners completing (target)", required=False)
    target_progressed = count_field("Learners progressing (target)", required=False)
    target_learning_hours = count_field("Learning hours (target)", required=False)
    partners = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
                                              label="Partners")
    boroughs = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
                                              label="Boroughs served")
    reporting_contacts = ContactChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Reporting contacts",
        help_text="People at the lead organisation who sign in and submit the returns. Invite them first if "
                  "they have no account.",
        error_messages={"invalid_choice": "Reporting contacts work at the lead organisation: choose from its people"})

    class Meta:
        model = Project
        fields = ["title", "lead_organisation", "grant_awarded", "starts_on", "ends_on", "summary",
                  "barriers_addressed", "target_enrolled", "target_completed", "target_progressed",
                  "target_learning_hours", "status", "reporting_frequency", "notes"]
        labels = {"title": "Project title", "lead_organisation": "Lead organisation", "summary": "Summary",
                  "barriers_addressed": "Barriers addressed", "status": "Status",
                  "reporting_frequency": "Returns", "notes": "Notes"}
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}),
                   "barriers_addressed": forms.Textarea(attrs={"rows": 3}),
                   "notes": forms.Textarea(attrs={"rows": 3}), "status": forms.RadioSelect,
                   "reporting_frequency": forms.RadioSelect}
        error_messages = {"title": {"required": "Enter the project's title"},
                          "lead_organisation": {"required": "Choose the lead organisation",
                                                "invalid_choice": "Choose an organisation from the list"}}

    def __init__(self, *args, submit: str = "Save the project", **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.exclude(kind=OrganisationKind.GLA).order_by("name")
        self.fields["lead_organisation"].queryset = organisations.exclude(kind=OrganisationKind.BOROUGH)
        self.fields["lead_organisation"].empty_label = "Choose the lead organisation"
        self.fields["partners"].queryset = organisations
        self.fields["boroughs"].queryset = Organisation.objects.boroughs()
        # The lead organisation's people only (the service checks it too): every account outside the
        # GLA and the boroughs ran to hundreds of boxes. A new project's form offers them once its
        # lead organisation is chosen (a form sent back with errors, or the project's edit page).
        lead_id = as_id(self.data.get("lead_organisation")) if self.is_bound else self.instance.lead_organisation_id
        if lead_id is None:
            del self.fields["reporting_contacts"]
            self.fields["lead_organisation"].help_text = (
                "Its reporting contacts are chosen from its people once the grant is saved")
        else:
            self.fields["reporting_contacts"].queryset = User.objects.filter(
                is_active=True, organisation_id=lead_id).order_by("full_name", "email")
        self.fields["starts_on"] = date_field("Start date")
        self.fields["ends_on"] = date_field("End date")
        self.fields["status"].choices = ProjectStatus.choices
        self.fields["reporting_frequency"].choices = ReportingFrequency.choices
        if self.instance.pk:
            for name in ("partners", "boroughs", "reporting_contacts"):
                if name in self.fields:
                    self.initial.setdefault(name, list(getattr(self.instance, name).all()))
        number = Fixed.TEN
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.FULL), Field.select("lead_organisation"),
            Field.text("grant_awarded", field_width=number),
            Fieldset(Field.text("starts_on", field_width=number), Field.text("ends_on", field_width=number),
                     legend="Dates", legend_size=Size.SMALL),
            Field.textarea("summary", rows=3), Field.textarea("barriers_addressed", rows=3),
            Fieldset(Field.text("target_enrolled", field_width=Fixed.FIVE),
                     Field.text("target_completed", field_width=Fixed.FIVE),
                     Field.text("target_progressed", field_width=Fixed.FIVE),
                     Field.text("target_learning_hours", field_width=Fixed.FIVE),
                     legend="Targets for the whole project", legend_size=Size.SMALL),
            Field.checkboxes("boroughs", small=True, legend_size=Size.SMALL),
            Field.checkboxes("partners", small=True, legend_size=Size.SMALL),
            *([Field.checkboxes("reporting_contacts", small=True, legend_size=Size.SMALL)]
              if "reporting_contacts" in self.fields else []),
            Field.radios("reporting_frequency", legend_size=Size.SMALL, small=True),
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Field.textarea("notes", rows=3),
            submit=submit)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date cannot be before the start date")
        enrolled, completed = data.get("target_enrolled"), data.get("target_completed")
        if enrolled is not None and completed is not None and completed > enrolled:
            self.add_error("target_completed", "The target for learners completing cannot be more than for enrolled")
        return data

    def project_values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**values, "partners": list(self.cleaned_data["partners"]),
                "boroughs": list(self.cleaned_data["boroughs"]),
                "reporting_contacts": list(self.cleaned_data.get("reporting_contacts", []))}
