"""The form for a decision taken at a meeting."""


from django import forms

from partnership.common.forms import Form, fields_of, gds_helper
from partnership.models import AgendaItem, Meeting


class MeetingDecisionForm(Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False,
                                         label="Agenda item (optional)")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="Decision")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position")
        self.helper = gds_helper(*fields_of(self), submit="Record decision")
