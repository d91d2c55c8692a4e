"""The declaration of interest form."""


from django import forms

from partnership.common.forms import Form, fields_of, gds_helper
from partnership.models import AgendaItem, Meeting, User


class DeclarationForm(Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), label="Agenda item")
    person = forms.ModelChoiceField(queryset=User.objects.none())
    interest = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                               label="Interest declared")

    def __init__(self, *args, meeting: Meeting, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position")
        self.fields["person"].queryset = people
        self.helper = gds_helper(*fields_of(self), submit="Record declaration")
