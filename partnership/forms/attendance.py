"""The attendance form: one choice per expected person."""


from django import forms

from partnership.common.forms import Form, fields_of, gds_helper
from partnership.models import AttendanceStatus


class AttendanceForm(Form):
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
