"""Forms for scheduling and changing meetings."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnership.common.forms import DateInput, Form, TimeInput, fields_of, gds_helper
from partnership.models import Meeting
from partnership.services.meetings import check_meeting_times


class MeetingTimesForm(Form):
    """Date, start and end time as a person in London reads them (Europe/London)."""

    error_noun = "meeting"

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
