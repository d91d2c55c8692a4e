"""Reminder planners write outbox rows, never mail: a week before a return is due and the day
after it falls due, to the project's reporting contacts; a directory entry unchecked for 12
months, to its provider's accounts. A second run writes nothing new."""

import datetime as dt

import pytest
from django.utils import timezone

from esol.models import ReturnStatus
from esol.reminders import (
    KIND_PROVISION_CHECK,
    KIND_RETURN_DUE,
    KIND_RETURN_OVERDUE,
    plan_provision_check_reminders,
    plan_return_reminders,
)
from partnership.models import Notification
from partnership.notifications.registry import planners
from tests.factories.esol import (
    GranteeFactory,
    ProjectFactory,
    ProvisionFactory,
    ReturnFactory,
    grantee_contact,
    provider_user,
    submitted_return,
)

pytestmark = pytest.mark.django_db


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 5)))


def test_the_planners_are_registered():
    assert plan_return_reminders in planners()
    assert plan_provision_check_reminders in planners()


def test_a_week_before_then_the_day_after_each_once_to_each_contact():
    lead = GranteeFactory()
    first, second = grantee_contact(lead), grantee_contact(lead)
    due = dt.date(2027, 1, 15)
    monitoring_return = ReturnFactory(project=ProjectFactory(lead_organisation=lead, contacts=[first, second]),
                                      due_on=due)
    assert plan_return_reminders(_at(due - dt.timedelta(days=8))) == 0
    assert plan_return_reminders(_at(due - dt.timedelta(days=7))) == 2
    assert plan_return_reminders(_at(due - dt.timedelta(days=3))) == 0  # once per due date
    assert plan_return_reminders(_at(due + dt.timedelta(days=1))) == 2
    assert plan_return_reminders(_at(due + dt.timedelta(days=2))) == 0
    rows = Notification.objects.filter(subject_key=f"esol.return:{monitoring_return.pk}")
    assert sorted(rows.values_list("kind", flat=True)) == [KIND_RETURN_DUE] * 2 + [KIND_RETURN_OVERDUE] * 2
    assert {row.recipient_email for row in rows} == {first.email, second.email}
    overdue = rows.filter(kind=KIND_RETURN_OVERDUE).first()
    assert "was due on 15 January 2027" in overdue.body_text
    assert f"/esol/returns/{monitoring_return.pk}/" in overdue.body_text


def test_a_moved_due_date_reminds_again_and_a_submitted_return_never():
    lead = GranteeFactory()
    contact = grantee_contact(lead)
    project = ProjectFactory(lead_organisation=lead, contacts=[contact])
    monitoring_return = ReturnFactory(project=project, due_on=dt.date(2027, 1, 15))
    plan_return_reminders(_at(dt.date(2027, 1, 8)))
    monitoring_return.due_on = dt.date(2027, 1, 29)
    monitoring_return.save()
    assert plan_return_reminders(_at(dt.date(2027, 1, 22))) == 1
    submitted_return(project=project, due_on=dt.date(2027, 1, 29), status=ReturnStatus.SUBMITTED,
                     period_start=dt.date(2026, 7, 1), period_end=dt.date(2026, 9, 30))
    assert plan_return_reminders(_at(dt.date(2027, 1, 30))) == 1  # only the unsubmitted one


def test_a_former_contact_or_someone_who_left_the_organisation_is_not_reminded():
    lead = GranteeFactory()
    moved = grantee_contact(lead)
    project = ProjectFactory(lead_organisation=lead, contacts=[moved])
    moved.organisation = GranteeFactory()
    moved.save()
    ReturnFactory(project=project, due_on=dt.date(2027, 1, 15))
    assert plan_return_reminders(_at(dt.date(2027, 1, 8))) == 0


def test_an_entry_unchecked_for_a_year_reminds_its_providers_accounts_once():
    college = GranteeFactory(name="Sutton College")
    account = provider_user(college)
    provider_user(GranteeFactory())  # another provider's account hears nothing
    today = dt.date(2026, 12, 1)
    stale = ProvisionFactory(provider=college, last_checked_on=today - dt.timedelta(days=366))
    ProvisionFactory(provider=college, last_checked_on=today - dt.timedelta(days=300))
    assert plan_provision_check_reminders(_at(today)) == 1
    assert plan_provision_check_reminders(_at(today + dt.timedelta(days=1))) == 0
    row = Notification.objects.get(kind=KIND_PROVISION_CHECK)
    assert (row.recipient_email, row.subject_key) == (account.email, f"esol.provision:{stale.pk}")
    assert f"/esol/provision/{stale.pk}/edit/" in row.body_text
