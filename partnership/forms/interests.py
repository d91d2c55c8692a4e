"""The register of interests form: one standing declaration."""

from django import forms

from partnership.common.forms import ModelForm, fields_of, gds_helper
from partnership.models import Interest, InterestKind, Organisation


class InterestForm(ModelForm):
    kind = forms.ChoiceField(choices=InterestKind.choices, widget=forms.RadioSelect, label="What kind of interest?",
                             error_messages={"required": "Select what kind of interest it is"})
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, label="Describe the interest",
        help_text="For example: Trustee of Refugee Action Kingston since 2019",
        error_messages={"required": "Describe the interest"})

    class Meta:
        model = Interest
        fields = ["kind", "organisation", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = Organisation.objects.order_by("name")
        organisation.empty_label = "None, or not listed"
        organisation.label = "Organisation (optional)"
        organisation.help_text = ("Choose the organisation if it is listed: officers are then reminded of your "
                                  "interest when an agenda item concerns it.")
        self.helper = gds_helper(*fields_of(self), submit="Save interest")
