"""The form of a directory entry. A provider's form has no provider field (it is always their own
organisation); a GLA officer's chooses it."""

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms

from partnership.common.forms import ModelForm, gds_helper
from partnership.models import Organisation, OrganisationKind

from ..models import Provision, ProvisionCost, ProvisionMode
from ..models.provision import LEVELS, TIMES

LEVEL_FIELDS = [name for name, _label, _value in LEVELS]
TIME_FIELDS = [name for name, _label, _value in TIMES]


class ProvisionForm(ModelForm):
    levels = forms.MultipleChoiceField(label="Levels", widget=forms.CheckboxSelectMultiple,
                                       choices=[(name, label) for name, label, _value in LEVELS],
                                       error_messages={"required": "Choose at least one level"})
    times = forms.MultipleChoiceField(label="When classes run", widget=forms.CheckboxSelectMultiple,
                                      choices=[(name, label) for name, label, _value in TIMES],
                                      error_messages={"required": "Choose when classes run"})

    class Meta:
        model = Provision
        fields = ["provider", "course_title", "borough", "mode", "childcare_on_site", "women_only", "cost",
                  "eligibility", "venue_name", "venue_address", "venue_postcode", "contact_phone", "contact_email",
                  "website", "how_to_join"]
        labels = {"provider": "Provider", "course_title": "Course", "borough": "Borough", "mode": "How it is taught",
                  "childcare_on_site": "Childcare on site", "women_only": "Women-only classes", "cost": "Cost",
                  "eligibility": "Eligibility notes (optional)", "venue_name": "Venue (optional)",
                  "venue_address": "Venue address (optional)", "venue_postcode": "Postcode (optional)",
                  "contact_phone": "Phone (optional)", "contact_email": "Email (optional)",
                  "website": "Website (optional)", "how_to_join": "How to join (optional)"}
        widgets = {"mode": forms.RadioSelect, "cost": forms.RadioSelect,
                   "eligibility": forms.Textarea(attrs={"rows": 3}), "how_to_join": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"provider": {"required": "Choose the provider"},
                          "course_title": {"required": "Enter the course's name"},
                          "borough": {"required": "Choose the borough",
                                      "invalid_choice": "Choose a borough from the list"},
                          "contact_email": {"invalid": "Enter an email address like name@example.org"},
                          "website": {"invalid": "Enter a web address starting https://"}}

    def __init__(self, *args, provider_chosen: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if provider_chosen:
            self.fields["provider"].queryset = Organisation.objects.exclude(
                kind__in=[OrganisationKind.GLA]).order_by("name")
            self.fields["provider"].empty_label = "Choose the provider"
        else:
            del self.fields["provider"]
        self.fields["borough"].queryset = Organisation.objects.boroughs()
        self.fields["borough"].empty_label = "Choose the borough"
        self.fields["mode"].choices = ProvisionMode.choices
        self.fields["cost"].choices = ProvisionCost.choices
        if self.instance.pk:
            self.initial["levels"] = [name for name in LEVEL_FIELDS if getattr(self.instance, name)]
            self.initial["times"] = [name for name in TIME_FIELDS if getattr(self.instance, name)]
        layout = [Field.select("provider")] if provider_chosen else []
        layout += [
            Field.text("course_title", field_width=Fluid.FULL), Field.select("borough"),
            Field.checkboxes("levels", small=True, legend_size=Size.SMALL),
            Field.checkboxes("times", small=True, legend_size=Size.SMALL),
            Field.radios("mode", small=True, legend_size=Size.SMALL),
            Fieldset(Field.checkbox("childcare_on_site", small=True), Field.checkbox("women_only", small=True),
                     legend="Support", legend_size=Size.SMALL),
            Field.radios("cost", small=True, legend_size=Size.SMALL),
            Field.textarea("eligibility", rows=3),
            Fieldset(Field.text("venue_name", field_width=Fluid.FULL),
                     Field.text("venue_address", field_width=Fluid.FULL),
                     Field.text("venue_postcode", field_width=Fixed.TEN), legend="Where", legend_size=Size.SMALL),
            Fieldset(Field.text("contact_phone", field_width=Fluid.ONE_HALF),
                     Field.text("contact_email", field_width=Fluid.FULL), Field.text("website", field_width=Fluid.FULL),
                     Field.textarea("how_to_join", rows=3), legend="Contact", legend_size=Size.SMALL),
        ]
        self.helper = gds_helper(*layout, submit="Save the entry")

    def values(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields if name in self.fields and name != "provider"}
        fields.update({name: name in data["levels"] for name in LEVEL_FIELDS})
        fields.update({name: name in data["times"] for name in TIME_FIELDS})
        return fields

    @property
    def provider(self):
        return self.cleaned_data.get("provider")
