"""Choosing the LSMP board meeting a round's progress paper goes to."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from partnership.common.forms import Form, gds_helper


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.display_title}, {meeting.starts_at:%-d %B %Y}"


class ProgressPaperForm(Form):
    meeting = MeetingChoiceField(queryset=None, label="Meeting of the LSMP board", widget=forms.RadioSelect,
                                 empty_label=None,
                                 error_messages={"required": "Choose the meeting the paper goes to",
                                                 "invalid_choice": "Choose one of the board's meetings"})
    publish = forms.BooleanField(label="Publish it to the board's members now (they are told by email)",
                                 required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        first = meetings.first()
        if first is not None:
            self.initial.setdefault("meeting", first.pk)
        self.helper = gds_helper(Field.radios("meeting", legend_size=Size.MEDIUM), Field.checkbox("publish"),
                                 submit="Create the progress paper")
