from django import forms

from partnership.common.forms import DateInput, ModelForm, fields_of, gds_helper
from partnership.models import Body, Role, User

from ..models import FocusArea, TaskGroup


class TaskGroupForm(ModelForm):
    lead_officer = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, groups__name=Role.GLA_OFFICER).order_by("full_name"),
        required=False, label="Lead GLA officer")
    reports_to = forms.ModelChoiceField(queryset=Body.objects.order_by("name"), label="Reports to",
                                        error_messages={"required": "Choose the body the task group reports to"})
    focus_area = forms.ChoiceField(choices=FocusArea.choices, widget=forms.RadioSelect, label="Focus area",
                                   error_messages={"required": "Choose the focus area"})

    class Meta:
        model = TaskGroup
        fields = ["remit", "focus_area", "convened_on", "closed_on", "lead_officer", "reports_to",
                  "covers_accommodation_sites"]
        labels = {"convened_on": "Convened on", "closed_on": "Closed on",
                  "covers_accommodation_sites": "Follows Initial Accommodation sites and contingency hotels"}
        help_texts = {"closed_on": "Leave blank while the task group meets",
                      "covers_accommodation_sites": "Its members then see the sites it follows and their issue logs"}
        widgets = {"convened_on": DateInput(), "closed_on": DateInput()}
        error_messages = {"remit": {"required": "Enter the remit"},
                          "convened_on": {"required": "Enter the date the task group was convened",
                                          "invalid": "Enter a real date"},
                          "closed_on": {"invalid": "Enter a real date"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit="Save the task group")

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TaskGroupCreateForm(TaskGroupForm):
    name = forms.CharField(max_length=200, label="Name", error_messages={"required": "Enter the name"})
    short_name = forms.CharField(max_length=40, label="Short name",
                                 error_messages={"required": "Enter a short name, for example Move-on TG"})

    field_order = ["name", "short_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["name", "short_name", *self.Meta.fields])
        self.helper = gds_helper(*fields_of(self), submit="Create the task group")
