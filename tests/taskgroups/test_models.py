"""The issue log cannot hold personal data about residents, and the rules that must never break
are database constraints."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.forms import Textarea

from taskgroups.forms.sites import SiteIssueForm, SiteIssueUpdateForm
from taskgroups.models import IssueStatus
from tests.factories.taskgroups import SiteIssueFactory, TaskGroupFactory, WorkplanFactory

# Anything that could identify a resident: names, dates of birth, nationality, case references.
FORBIDDEN = re.compile(r"name|birth|dob|nationality|citizenship|case_?(number|no|ref)|passport|resident|"
                       r"home_office_ref|gwf|unhcr|ethnic|religion|gender|sex\b|age\b|phone|address|room",
                       re.IGNORECASE)


def test_no_issue_log_field_can_hold_personal_data_about_residents():
    fields = [(model.__name__, field.name) for name in ("SiteIssue", "SiteIssueUpdate")
              for model in [apps.get_model("taskgroups", name)]
              for field in model._meta.get_fields() if field.concrete]
    assert len(fields) > 15
    assert [f for f in fields if FORBIDDEN.search(f[1])] == []


@pytest.mark.parametrize("form_class", [SiteIssueForm, lambda: SiteIssueUpdateForm(transitions=[])])
def test_issue_forms_ask_for_no_personal_data_and_say_so(db, form_class):
    fields = form_class().fields
    assert [name for name in fields if FORBIDDEN.search(name)] == []
    free_text = {name: field.help_text for name, field in fields.items() if isinstance(field.widget, Textarea)}
    assert free_text and all("Do not write anything about residents as people" in text for text in free_text.values())


@pytest.mark.django_db
@pytest.mark.parametrize("make", [
    lambda: SiteIssueFactory(status=IssueStatus.RESOLVED, resolved_on=None),
    lambda: SiteIssueFactory(status=IssueStatus.OPEN, resolved_on=dt.date(2025, 1, 1)),
    lambda: WorkplanFactory(first_year=2012, last_year=2011),
    lambda: WorkplanFactory(status="approved", approved_on=None),
    lambda: TaskGroupFactory(convened_on=dt.date(2024, 1, 1), closed_on=dt.date(2023, 1, 1)),
], ids=["resolved without a date", "open with a resolved date", "period backwards", "approved without a date",
        "closed before convened"])
def test_constraints(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()
