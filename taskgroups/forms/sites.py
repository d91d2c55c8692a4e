from django import forms

from partnership.common.forms import DateInput, Form, ModelForm, fields_of, gds_helper
from partnership.models import Organisation

from ..models import IssueCategory, IssueSeverity, Site, TaskGroup

NO_PERSONAL_DATA = ("Do not write anything about residents as people: no names, dates of birth, nationalities, "
                    "Home Office or case references, room numbers or health details. Describe the issue and "
                    "give counts.")


class SiteForm(ModelForm):
    task_groups = forms.ModelMultipleChoiceField(
        queryset=TaskGroup.objects.filter(covers_accommodation_sites=True).select_related("body"),
        widget=forms.CheckboxSelectMultiple, label="Followed by",
        help_text="Members of these task groups see the site and its issue log",
        error_messages={"required": "Choose at least one task group"})

    class Meta:
        model = Site
        fields = ["name", "borough", "provider", "kind", "capacity_band", "opened_on", "closed_on", "task_groups"]
        labels = {"name": "Name of the site", "capacity_band": "Capacity", "opened_on": "Opened on",
                  "closed_on": "Closed on"}
        widgets = {"opened_on": DateInput(), "closed_on": DateInput(), "kind": forms.RadioSelect,
                   "capacity_band": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the name of the site"},
                          "borough": {"required": "Choose the borough"},
                          "kind": {"required": "Choose the kind of site"},
                          "capacity_band": {"required": "Choose the capacity"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough"].queryset = Organisation.objects.boroughs()
        self.fields["provider"].queryset = Organisation.objects.exclude(kind="borough").order_by("name")
        self.fields["task_groups"].label_from_instance = lambda group: group.body.name
        self.helper = gds_helper(*fields_of(self), submit="Save the site")

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SiteIssueForm(Form):
    summary = forms.CharField(max_length=200, label="Issue", help_text="In a few words. " + NO_PERSONAL_DATA,
                              error_messages={"required": "Enter the issue"})
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="What is happening",
                                  help_text=NO_PERSONAL_DATA,
                                  error_messages={"required": "Describe what is happening"})
    category = forms.ChoiceField(choices=IssueCategory.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "Choose the category"})
    people_affected = forms.IntegerField(min_value=1, max_value=5000, required=False, label="People affected",
                                         help_text="A count, if known",
                                         error_messages={"invalid": "Enter a whole number",
                                                         "min_value": "Enter a number of 1 or more",
                                                         "max_value": "Enter a number of 5000 or fewer"})
    raised_on = forms.DateField(widget=DateInput(), label="Raised on",
                                error_messages={"required": "Enter the date it was raised",
                                                "invalid": "Enter a real date"})
    raised_by = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), label="Raised by",
                                       help_text="The organisation that raised it",
                                       error_messages={"required": "Choose the organisation that raised it"})
    severity = forms.ChoiceField(choices=IssueSeverity.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "Choose the severity"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit="Record the issue")


class SiteIssueUpdateForm(Form):
    to_status = forms.ChoiceField(required=False, widget=forms.RadioSelect, label="Change the status",
                                  error_messages={"invalid_choice": "Choose one of the options"})
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Update",
                           help_text=NO_PERSONAL_DATA)

    def __init__(self, *args, transitions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [("", "Keep the status as it is")] + [
            (t.target, t.verb) for t in transitions]
        self.helper = gds_helper(*fields_of(self), submit="Save the update")

    def clean(self):
        data = super().clean()
        if not data.get("to_status") and not (data.get("note") or "").strip():
            self.add_error("note", "Enter the update, or change the status")
        return data
