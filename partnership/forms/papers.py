from crispy_forms_gds.layout import Field, Fluid
from django import forms

from partnership.common.forms import Form, gds_helper
from partnership.common.query_params import as_id
from partnership.models import Body, PaperVisibility
from partnership.selectors.agenda import agenda_item_choices, meeting_choices
from partnership.services.paper_files import ACCEPTED_DESCRIPTION

MEETING_HELP = "Meetings from the last three months and the next ones. For an older meeting, start from its page"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.body.short_name}: {meeting.starts_at:%d %b %Y}"


class AgendaItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        return f"{item.meeting.body.short_name} {item.meeting.starts_at:%d %b %Y}: {item.position}. {item.title}"


def _pk(value):
    """An initial value as a primary key: forms are prefilled with objects or with ids."""
    return as_id(getattr(value, "pk", value))


def offer_meetings_and_items(form) -> None:
    """Sets the meeting and agenda-item choices of a paper or action form: a window around
    today, plus the meeting and item the form was prefilled with (selectors.agenda)."""
    meetings = meeting_choices(keep=[_pk(form.initial.get("meeting"))])
    form.fields["meeting"].queryset = meetings
    form.fields["agenda_item"].queryset = agenda_item_choices(meetings=meetings,
                                                              keep=[_pk(form.initial.get("agenda_item"))])


class PaperUploadForm(Form):
    title = forms.CharField(max_length=300, error_messages={
        "required": "Enter the title of the paper",
        "max_length": "The title must be 300 characters or fewer (it has %(show_value)d)"})
    file = forms.FileField(
        label="Upload a file", help_text=f"A {ACCEPTED_DESCRIPTION} file",
        error_messages={"required": "Select the file to upload",
                        "empty": "The selected file is empty",
                        "invalid": "The selected file could not be read: try again"})
    body = forms.ModelChoiceField(queryset=Body.objects.all(), required=False,
                                  help_text="Not needed when you choose a meeting or agenda item")
    meeting = MeetingChoiceField(queryset=None, required=False, help_text=MEETING_HELP)
    agenda_item = AgendaItemChoiceField(queryset=None, required=False, label="Agenda item")
    visibility = forms.ChoiceField(choices=PaperVisibility.choices, widget=forms.RadioSelect,
                                   label="Who may see it", initial=PaperVisibility.MEMBERS,
                                   error_messages={"required": "Choose who may see the paper"})
    publish = forms.BooleanField(required=False, label="Publish it now",
                                 help_text="Unpublished papers are seen by GLA officers only")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_meetings_and_items(self)
        self.helper = gds_helper(
            Field.text("title"), Field("file"), Field.select("body"), Field.select("meeting"),
            Field.select("agenda_item"), Field.radios("visibility", legend_size="s"),
            Field.checkbox("publish"), submit="Upload the paper")


class PaperEditForm(Form):
    title = forms.CharField(max_length=300, error_messages={
        "required": "Enter the title of the paper",
        "max_length": "The title must be 300 characters or fewer (it has %(show_value)d)"})
    visibility = forms.ChoiceField(choices=PaperVisibility.choices, widget=forms.RadioSelect,
                                   label="Who may see it",
                                   error_messages={"required": "Choose who may see the paper"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.FULL),
                                 Field.radios("visibility", legend_size="s"), submit="Save changes")
