"""The search page's form: the words, and the filters for kind, body and date range."""

from django import forms

from partnership.common.forms import DateInput, Form, gds_helper
from partnership.models import Body

from . import registry
from .selectors import QUERY_MAX


class SearchForm(Form):
    q = forms.CharField(label="Search for", max_length=QUERY_MAX, required=False,
                        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}))
    kind = forms.ChoiceField(label="What", required=False,
                             error_messages={"invalid_choice": "Select a kind of result from the list"})
    body = forms.ModelChoiceField(label="Body", required=False, queryset=Body.objects.order_by("name"),
                                  empty_label="Any body",
                                  error_messages={"invalid_choice": "Select a body from the list"})
    date_from = forms.DateField(label="From", required=False, widget=DateInput(),
                                error_messages={"invalid": "Enter the from date as a real date"})
    date_to = forms.DateField(label="To", required=False, widget=DateInput(),
                              error_messages={"invalid": "Enter the to date as a real date"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Everything")] + [
            (registry.group_slug(heading), heading) for heading, _ in registry.groups()]
        self.fields["q"].error_messages["max_length"] = f"Enter at most {QUERY_MAX} characters to search for"
        self.helper = gds_helper("q", "kind", "body", "date_from", "date_to", submit="Search", csrf=False)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned

    def filters(self) -> dict:
        """The selector's keyword arguments (call after is_valid())."""
        data = self.cleaned_data
        return {"kinds": registry.kinds_of_group(data["kind"]) if data.get("kind") else None,
                "body_id": data["body"].pk if data.get("body") else None,
                "date_from": data.get("date_from"), "date_to": data.get("date_to")}
