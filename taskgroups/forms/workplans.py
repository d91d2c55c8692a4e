from django import forms
from django.utils import timezone

from partnership.common import financial_years
from partnership.common.forms import Form, fields_of, gds_helper
from partnership.models import Body, Role, User


def year_choices():
    current = financial_years.year_of(timezone.localdate())
    return financial_years.choices(range(current + 3, 2004, -1))


class WorkplanImportForm(Form):
    file = forms.FileField(
        label="Spreadsheet", help_text=(
            "An Excel (.xlsx) or CSV file, one row per action, with the columns Theme number, Theme title, Core "
            "objective, Priority number (like 1.2), Priority title, Year objective, Action, Deadline (in words, "
            "like \u201cby September 2011\u201d) and Partners (separated by semicolons). Owner email and Due date "
            "columns are optional. Smaller than 2 MB."),
        error_messages={"required": "Select the spreadsheet to import", "empty": "The selected file is empty"})
    owner_body = forms.ModelChoiceField(queryset=Body.objects.order_by("name"), label="Whose workplan is it",
                                        error_messages={"required": "Choose the body that owns the workplan"})
    title = forms.CharField(max_length=300, label="Title of the workplan",
                            error_messages={"required": "Enter the title of the workplan"})
    first_year = forms.TypedChoiceField(choices=year_choices, coerce=int, label="First financial year",
                                        error_messages={"required": "Choose the first financial year"})
    last_year = forms.TypedChoiceField(choices=year_choices, coerce=int, label="Last financial year",
                                       help_text="The same as the first for a one-year plan",
                                       error_messages={"required": "Choose the last financial year"})
    default_owner = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, groups__name=Role.GLA_OFFICER).order_by("full_name"),
        label="Who owns the actions", help_text="For rows without an owner email",
        error_messages={"required": "Choose who owns the actions"})

    def __init__(self, *args, by=None, **kwargs):
        super().__init__(*args, **kwargs)
        year = financial_years.year_of(timezone.localdate())
        self.fields["first_year"].initial = self.fields["last_year"].initial = year
        if by is not None:
            self.fields["default_owner"].initial = by.pk
        self.helper = gds_helper(*fields_of(self), submit="Check the spreadsheet")

    def clean(self):
        data = super().clean()
        if data.get("first_year") and data.get("last_year") and data["last_year"] < data["first_year"]:
            self.add_error("last_year", "The last financial year must be the same as or after the first")
        return data


class ProgressReportForm(Form):
    """Nothing to fill in: the button is the form."""
