"""Action notices: due soon, overdue the day after, then one weekly digest per owner."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from partnership.models import ActionStatus, Notification
from partnership.reminders import plan_action_notices
from tests.factories.partnership import ActionFactory, BoroughFactory, UserFactory

LONDON = ZoneInfo("Europe/London")
MONDAY = dt.date(2026, 11, 30)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 5, tzinfo=LONDON)


@pytest.mark.django_db
def test_due_soon_three_days_before_then_overdue_the_day_after():
    owner = UserFactory(email="owner@example.org")
    action = ActionFactory(owner_user=owner, due_on=dt.date(2026, 12, 10))
    assert plan_action_notices(at(dt.date(2026, 12, 6))) == 0
    assert plan_action_notices(at(dt.date(2026, 12, 7), hour=7)) == 0  # not in the night
    assert plan_action_notices(at(dt.date(2026, 12, 7))) == 1
    assert plan_action_notices(at(dt.date(2026, 12, 8))) == 0  # once only
    assert plan_action_notices(at(dt.date(2026, 12, 10))) == 0  # due today, not overdue yet
    assert plan_action_notices(at(dt.date(2026, 12, 11))) == 1
    assert plan_action_notices(at(dt.date(2026, 12, 12))) == 0
    kinds = list(Notification.objects.order_by("pk").values_list("kind", "recipient_email"))
    assert kinds == [("action.due_soon", owner.email), ("action.overdue", owner.email)]
    overdue = Notification.objects.get(kind="action.overdue")
    assert f"http://127.0.0.1:8000/actions/{action.pk}/" in overdue.body_text
    assert f'href="http://127.0.0.1:8000/actions/{action.pk}/"' in overdue.body_html


@pytest.mark.django_db
def test_weekly_digest_lists_all_overdue_actions_in_one_email():
    owner = UserFactory(email="owner@example.org")
    old = [ActionFactory(owner_user=owner, due_on=MONDAY - dt.timedelta(days=d)) for d in (20, 10, 3)]
    done = ActionFactory(owner_user=owner, due_on=MONDAY - dt.timedelta(days=5), status=ActionStatus.DONE,
                         completed_on=MONDAY)
    other = UserFactory(email="other@example.org")
    ActionFactory(owner_user=other, due_on=MONDAY - dt.timedelta(days=1))  # overdue since today only
    plan_action_notices(at(MONDAY))
    digests = Notification.objects.filter(kind="action.overdue_digest")
    assert [d.recipient_email for d in digests] == [owner.email]
    digest = digests.get()
    for action in old:
        assert f"/actions/{action.pk}/" in digest.body_text
    assert f"/actions/{done.pk}/" not in digest.body_text
    assert digest.subject == "Your overdue actions this week (3)"
    # Only the recent ones got a single overdue email; the 20-day-old one only the digest.
    singles = set(Notification.objects.filter(kind="action.overdue").values_list("subject_key", flat=True))
    assert f"partnership.action:{old[0].pk}" not in singles
    # Once a week: Tuesday writes no digest, next Monday writes the next one.
    assert plan_action_notices(at(MONDAY + dt.timedelta(days=1))) == 0
    plan_action_notices(at(MONDAY + dt.timedelta(days=7)))
    assert Notification.objects.filter(kind="action.overdue_digest", recipient=owner).count() == 2


@pytest.mark.django_db
def test_organisation_owned_actions_email_their_contact_user_only():
    """The contact user is emailed as the owner would be; an organisation with only a typed
    contact name, or whose contact user has left it or cannot sign in, has nobody to email."""
    council = BoroughFactory(name="Camden")
    contact = UserFactory(email="housing.lead@example.org", organisation=council)
    overdue = ActionFactory(owner_user=None, owner_organisation=council, owner_contact="Housing lead",
                            owner_contact_user=contact, due_on=MONDAY - dt.timedelta(days=1))
    due_soon = ActionFactory(owner_user=None, owner_organisation=council, owner_contact="Housing lead",
                             owner_contact_user=contact, due_on=MONDAY + dt.timedelta(days=2))
    ActionFactory(owner_user=None, owner_organisation=BoroughFactory(), owner_contact="Housing lead",
                  due_on=MONDAY - dt.timedelta(days=1))
    ActionFactory(owner_user=None, owner_organisation=BoroughFactory(), due_on=MONDAY + dt.timedelta(days=2))
    moved_on = UserFactory(email="moved.on@example.org", organisation=BoroughFactory())
    ActionFactory(owner_user=None, owner_organisation=council, owner_contact="Moved on",
                  owner_contact_user=moved_on, due_on=MONDAY + dt.timedelta(days=1))
    closed = UserFactory(email="closed@example.org", organisation=council, is_active=False)
    ActionFactory(owner_user=None, owner_organisation=council, owner_contact="Closed",
                  owner_contact_user=closed, due_on=MONDAY + dt.timedelta(days=1))

    assert plan_action_notices(at(MONDAY)) == 2
    sent = {(n.kind, n.subject_key, n.recipient_email) for n in Notification.objects.all()}
    assert sent == {("action.overdue", f"partnership.action:{overdue.pk}", contact.email),
                    ("action.due_soon", f"partnership.action:{due_soon.pk}", contact.email)}
    # A week on, the contact gets the weekly digest like any owner.
    plan_action_notices(at(MONDAY + dt.timedelta(days=7)))
    digest = Notification.objects.get(kind="action.overdue_digest")
    assert digest.recipient == contact and f"/actions/{overdue.pk}/" in digest.body_text
