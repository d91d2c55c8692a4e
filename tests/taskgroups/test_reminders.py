import datetime as dt

import pytest
from django.utils import timezone

from partnership.models import Notification
from partnership.notifications.registry import is_optional, planners
from taskgroups.reminders import KIND, plan_protocol_review_reminders
from tests.factories.partnership import gla_officer
from tests.factories.taskgroups import ProtocolFactory

pytestmark = pytest.mark.django_db


def _at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def test_the_planner_and_kind_are_registered():
    assert plan_protocol_review_reminders in planners()
    assert is_optional(KIND)


def test_four_weeks_before_then_after_the_date_once_each_and_not_once_retired():
    officer = gla_officer(email="lead@example.org")
    protocol = ProtocolFactory(lead_officer=officer, review_on=dt.date(2026, 1, 10))
    assert plan_protocol_review_reminders(_at(dt.date(2025, 12, 12))) == 0  # more than 4 weeks ahead
    assert plan_protocol_review_reminders(_at(dt.date(2025, 12, 14))) == 1
    assert plan_protocol_review_reminders(_at(dt.date(2025, 12, 20))) == 0  # already written
    assert plan_protocol_review_reminders(_at(dt.date(2026, 1, 11))) == 1  # the date has passed
    assert plan_protocol_review_reminders(_at(dt.date(2026, 2, 11))) == 0
    protocol.review_on = dt.date(2027, 1, 10)
    protocol.save()
    assert plan_protocol_review_reminders(_at(dt.date(2026, 12, 20))) == 1  # a new review date, a new notice
    protocol.retired_on = dt.date(2027, 1, 1)
    protocol.save()
    assert plan_protocol_review_reminders(_at(dt.date(2027, 2, 1))) == 0
    assert set(Notification.objects.values_list("recipient_email", flat=True)) == {"lead@example.org"}
