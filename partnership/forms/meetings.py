import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from partnership.common.forms import DateInput, TimeInput, fields_of, gds_helper
from partnership.models import AgendaItem, AttendanceStatus, Meeting, User
from partnership.services.meetings import check_meeting_times


class MeetingTimesForm(forms.Form):
    """Date, start and end time as a person in London reads them (Europe/London)."""

    date = forms.DateField(widget=DateInput, help_text="The day of the meeting")
    start_time = forms.TimeField(widget=TimeInput, help_text="London time, for example 10:00")
    end_time = forms.TimeField(widget=TimeInput, help_text="London time, for example 12:00")

    def __init__(self, *args, submit="Save", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit=submit)

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {"date": starts.date(), "start_time": starts.time(), "end_time": ends.time(),
                "title": meeting.title, "location": meeting.location, "online_link": meeting.online_link}

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            cleaned["starts_at"] = timezone.make_aware(dt.datetime.combine(day, start))
            cleaned["ends_at"] = timezone.make_aware(dt.datetime.combine(day, end))
            try:
                check_meeting_times(starts_at=cleaned["starts_at"], ends_at=cleaned["ends_at"])
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class MeetingForm(MeetingTimesForm):
    title = forms.CharField(max_length=200, required=False, help_text="Leave blank to use the body's name")
    location = forms.CharField(max_length=300, required=False, label="Place",
                               help_text="For example: City Hall, Kamal Chunchie Way, London E16 1ZE")
    online_link = forms.URLField(max_length=200, required=False, label="Online meeting link (optional)",
                                 assume_scheme="https", help_text="Shown to members only")

    field_order = ["title", "date", "start_time", "end_time", "location", "online_link"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("location") and not cleaned.get("online_link") and "location" not in self.errors:
            self.add_error("location", "Enter a place or an online meeting link.")
        return cleaned


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "presenter", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(MaxLengthValidator(5000))
        self.helper = gds_helper(*fields_of(self), submit="Save agenda item")


class AttendanceForm(forms.Form):
    """One radio group per person expected at the meeting."""

    def __init__(self, *args, people, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {}
        for person in people:
            name = f"person_{person.pk}"
            self.people[name] = person
            self.fields[name] = forms.ChoiceField(
                label=str(person), required=False, initial=current.get(person.pk, ""),
                choices=[*AttendanceStatus.choices, ("", "Not recorded")], widget=forms.RadioSelect)
        self.helper = gds_helper(*fields_of(self), submit="Save attendance")

    def statuses(self) -> dict:
        """The statuses posted, by person. A person whose radio group was not posted at all keeps
        what is recorded: the page always posts every group (one option is always ticked), so a
        missing group means nothing was said about them (an empty or cut-short POST, or someone
        who joined the body after the page was opened), not "Not recorded"."""
        return {person: self.cleaned_data.get(name, "") for name, person in self.people.items()
                if name in self.data}


class DeclarationForm(forms.Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), label="Agenda item")
    person = forms.ModelChoiceField(queryset=User.objects.none())
    interest = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                               label="Interest declared")

    def __init__(self, *args, meeting: Meeting, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position")
        self.fields["person"].queryset = people
        self.helper = gds_helper(*fields_of(self), submit="Record declaration")


class DecisionForm(forms.Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False,
                                         label="Agenda item (optional)")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="Decision")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position")
        self.helper = gds_helper(*fields_of(self), submit="Record decision")


class MinutesForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), max_length=100_000, label="Minutes",
                           help_text="Plain text; blank lines separate paragraphs")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit="Save draft minutes")
