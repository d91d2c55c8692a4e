"""Milestone and grant-end reminders: outbox rows for the responsible officer, written once."""

import datetime as dt

import pytest
from django.utils import timezone

from funding.reminders import plan_grant_end_reminders, plan_milestone_reminders
from partnership.models import Notification
from partnership.notifications.registry import planners
from tests.factories.funding import DecisionFactory, FundingStreamFactory, MilestoneFactory
from tests.factories.partnership import gla_officer

pytestmark = pytest.mark.django_db


def test_planners_are_registered():
    assert {plan_milestone_reminders, plan_grant_end_reminders} <= set(planners())


def test_milestone_due_within_a_week_reminds_the_responsible_officer_once():
    officer = gla_officer(email="lead@example.org")
    now = timezone.now()
    decision = DecisionFactory(responsible_officer=officer)
    soon = MilestoneFactory(decision=decision, activity="LSMP workplan approved by LSMP",
                            due_on=now.date() + dt.timedelta(days=5))
    MilestoneFactory(decision=decision, activity="Later", due_on=now.date() + dt.timedelta(days=30))
    MilestoneFactory(decision=decision, activity="Ongoing", due_on=None)
    MilestoneFactory(decision=DecisionFactory(responsible_officer=officer, status="withdrawn"),
                     due_on=now.date() + dt.timedelta(days=2))
    assert plan_milestone_reminders(now) == 1
    assert plan_milestone_reminders(now) == 0  # the outbox key keeps it to one
    notice = Notification.objects.get()
    assert notice.recipient_email == "lead@example.org"
    assert notice.subject_key == f"funding.milestone:{soon.pk}"
    assert "LSMP workplan approved by LSMP" in notice.subject


def test_grant_end_reminds_the_lead_officer_eight_weeks_before():
    officer = gla_officer(email="lead@example.org")
    now = timezone.now()
    FundingStreamFactory(name="Home Office LSMP grant", lead_officer=officer,
                         ends_on=now.date() + dt.timedelta(weeks=6))
    FundingStreamFactory(lead_officer=officer, ends_on=now.date() + dt.timedelta(weeks=20))
    assert plan_grant_end_reminders(now) == 1
    assert plan_grant_end_reminders(now) == 0
    assert Notification.objects.get().subject.startswith("Home Office LSMP grant ends on")
