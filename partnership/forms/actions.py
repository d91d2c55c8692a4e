import datetime as dt

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from partnership.common.forms import Form, gds_helper
from partnership.models import ActionStatus, Body, Organisation, User
from partnership.models.actions import OPEN_STATUSES

from .papers import MEETING_HELP, AgendaItemChoiceField, MeetingChoiceField, offer_meetings_and_items


class DueDateField(DateInputField):
    """GOV.UK date input with messages a person can act on (no Python error text)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for field, digits in zip(self.fields, (2, 2, 4), strict=True):
            field.validators.append(RegexValidator(
                rf"^[0-9]{{1,{digits}}}$", "Enter the date as numbers, for example 31 3 2027"))
            field.widget.attrs["maxlength"] = digits
        self.fields[0].widget.attrs["autocomplete"] = "off"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return dt.date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError("The due date must be a real date, for example 31 3 2027") from error


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name or user.email} ({user.email})"


class ContactUserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name or user.email}, {user.organisation} ({user.email})"


class ActionForm(Form):
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
                                  label="What must be done", error_messages={
        "required": "Enter what must be done",
        "max_length": "The description must be 2,000 characters or fewer (it has %(show_value)d)"})
    body = forms.ModelChoiceField(queryset=Body.objects.all(), required=False,
                                  help_text="Not needed when you choose a meeting or agenda item")
    meeting = MeetingChoiceField(queryset=None, required=False, help_text=MEETING_HELP)
    agenda_item = AgendaItemChoiceField(queryset=None, required=False, label="Agenda item")
    owner_user = UserChoiceField(queryset=User.objects.filter(is_active=True).order_by("full_name"),
                                 required=False, label="Owner: a person",
                                 help_text="Or choose an organisation and name its contact")
    owner_organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False,
                                                label="Owner: an organisation")
    owner_contact = forms.CharField(max_length=200, required=False, label="Named contact at the organisation",
                                    error_messages={"max_length": "The contact must be 200 characters or fewer"})
    # Any active person with an organisation is offered; the service refuses one who does not
    # work for the owning organisation, with the message beside this field.
    owner_contact_user = ContactUserChoiceField(
        queryset=User.objects.filter(is_active=True, organisation__isnull=False).select_related("organisation")
        .order_by("organisation__name", "full_name"),
        required=False, label="The contact's portal account (optional)",
        help_text="They can then add updates, mark the action done and get its reminders. "
                  "Leave the name above empty to use the account's name")
    due_on = DueDateField(label="Due date", help_text="For example, 31 3 2027", require_all_fields=False)
    status = forms.ChoiceField(choices=ActionStatus.choices, initial=ActionStatus.OPEN, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_meetings_and_items(self)
        self.helper = gds_helper(
            Field.textarea("description"),
            Fieldset(Field.select("body"), Field.select("meeting"), Field.select("agenda_item"),
                     legend="Where it comes from", legend_size=Size.SMALL),
            Fieldset(Field.select("owner_user"), Field.select("owner_organisation"), Field.text("owner_contact"),
                     Field.select("owner_contact_user"), legend="Who owns it", legend_size=Size.SMALL),
            Field("due_on", context={"legend_size": Size.SMALL}),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            submit="Save the action")


class ActionUpdateForm(Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, label="Update",
                           error_messages={"required": "Enter the update",
                                           "max_length": "The update must be 5,000 characters or fewer "
                                                         "(it has %(show_value)d)"})
    status = forms.ChoiceField(choices=[(s.value, s.label) for s in OPEN_STATUSES], required=False,
                               widget=forms.RadioSelect, label="Status",
                               help_text="To finish the action, use 'Mark as done'")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("note"), Field.radios("status", legend_size=Size.SMALL, inline=True),
                                 submit="Add the update")
