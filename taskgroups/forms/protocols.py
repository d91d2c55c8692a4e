from django import forms

from partnership.common.forms import DateInput, ModelForm, fields_of, gds_helper
from partnership.models import Body, Paper, Role, User

from ..models import Protocol
from ..selectors.protocols import DOCUMENT_CHOICES_SHOWN, protocol_document_choices


class ProtocolForm(ModelForm):
    lead_officer = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, groups__name=Role.GLA_OFFICER).order_by("full_name"),
        label="Lead GLA officer", help_text="Reminded four weeks before the review date",
        error_messages={"required": "Choose the lead officer"})
    owner_body = forms.ModelChoiceField(queryset=Body.objects.order_by("name"), label="Owned by",
                                        error_messages={"required": "Choose the body that owns the protocol"})
    document = forms.ModelChoiceField(
        queryset=Paper.objects.none(), required=False,
        label="Document",
        help_text=f"One of the owner body's papers (the {DOCUMENT_CHOICES_SHOWN} most recent papers are offered)")

    class Meta:
        model = Protocol
        fields = ["title", "owner_body", "version", "agreed_on", "document", "review_on", "lead_officer",
                  "retired_on"]
        labels = {"agreed_on": "Agreed on", "review_on": "Review by", "retired_on": "Retired on"}
        help_texts = {"retired_on": "Leave blank while the protocol is in force"}
        widgets = {"agreed_on": DateInput(), "review_on": DateInput(), "retired_on": DateInput()}
        error_messages = {"title": {"required": "Enter the title"}, "version": {"required": "Enter the version"},
                          "agreed_on": {"required": "Enter the date it was agreed", "invalid": "Enter a real date"},
                          "review_on": {"required": "Enter the review date", "invalid": "Enter a real date"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = protocol_document_choices(keep=self.instance.document_id)
        self.fields["document"].label_from_instance = lambda paper: f"{paper.body.short_name}: {paper.title}"
        self.helper = gds_helper(*fields_of(self), submit="Save the protocol")

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
