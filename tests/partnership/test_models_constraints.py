"""Each rule that must never break is a database constraint: these tests break each one."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnership.models import Action, ActionStatus, Membership, Notification, Organisation, OrganisationKind, User
from tests.factories.partnership import ActionFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_borough_needs_a_london_gss_code():
    _refused(lambda: Organisation.objects.create(name="Nowhere", kind=OrganisationKind.BOROUGH))
    _refused(lambda: Organisation.objects.create(name="Cardiff", kind=OrganisationKind.BOROUGH, gss_code="W06000015"))
    Organisation.objects.create(name="Camden", kind=OrganisationKind.BOROUGH, gss_code="E09000007")


def test_only_boroughs_have_gss_codes():
    _refused(lambda: Organisation.objects.create(name="Charity", kind=OrganisationKind.CIVIL_SOCIETY,
                                                 gss_code="E09000099"))


def test_organisation_kind_must_be_known():
    _refused(lambda: Organisation.objects.create(name="Odd", kind="pirates"))


def test_email_is_unique_ignoring_case():
    UserFactory(email="a@example.org")
    _refused(lambda: User.objects.create(email="A@example.org", full_name="Dup"))


def test_an_action_needs_an_owner():
    _refused(lambda: ActionFactory(owner_user=None, owner_organisation=None))


def test_a_done_action_has_a_completed_date_and_only_then():
    _refused(lambda: ActionFactory(status=ActionStatus.DONE, completed_on=None))
    _refused(lambda: ActionFactory(status=ActionStatus.OPEN, completed_on=timezone.localdate()))
    ActionFactory(status=ActionStatus.DONE, completed_on=timezone.localdate())


def test_overdue_is_derived_from_the_due_date():
    today = timezone.localdate()
    late = ActionFactory(due_on=today - dt.timedelta(days=1))
    ActionFactory(due_on=today - dt.timedelta(days=1), status=ActionStatus.DONE, completed_on=today)
    ActionFactory(due_on=today + dt.timedelta(days=1))
    assert list(Action.objects.overdue()) == [late]
    assert late.is_overdue


def test_a_meeting_ends_after_it_starts():
    start = timezone.now()
    _refused(lambda: MeetingFactory(starts_at=start, ends_at=start - dt.timedelta(hours=1)))


def test_a_membership_ends_after_it_starts_and_is_open_once():
    user, body = UserFactory(), BodyFactory()
    today = timezone.localdate()
    _refused(lambda: Membership.objects.create(user=user, body=body, started_on=today,
                                               ended_on=today - dt.timedelta(days=1)))
    Membership.objects.create(user=user, body=body, started_on=today)
    _refused(lambda: Membership.objects.create(user=user, body=body, started_on=today))


def test_a_notification_key_is_written_once():
    fields = dict(kind="meeting.reminder", subject_key="partnership.meeting:1", recipient_email="a@example.org",
                  slot="7d", subject="s", body_text="b")
    Notification.objects.create(**fields)
    _refused(lambda: Notification.objects.create(**fields))


def test_a_sent_notification_has_a_sent_time():
    _refused(lambda: Notification.objects.create(kind="k", subject_key="x:1", recipient_email="a@example.org",
                                                 slot="s", subject="s", body_text="b", status="sent"))
