"""Preferences: optional kinds can be switched off or gathered into a daily digest; meeting
notices cannot. The preferences page keeps what was typed and refuses nonsense."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from partnership.models import Delivery, Notification, NotificationPreference, NotificationStatus
from partnership.notifications.services.digests import notifications_bundle_digests
from partnership.notifications.services.outbox import notification_enqueue, notifications_dispatch_due
from partnership.notifications.services.preferences import preference_update
from tests.factories.partnership import UserFactory

LONDON = ZoneInfo("Europe/London")


def _notice(user, kind="paper.published", slot="1"):
    return notification_enqueue(kind=kind, subject_key="partnership.meeting:1", slot=slot, recipient=user,
                                subject=f"Notice {slot}", body_text=f"Text of notice {slot}")


@pytest.mark.django_db
def test_a_switched_off_kind_writes_nothing_but_a_mandatory_kind_always_does():
    user = UserFactory()
    preference_update(user=user, delivery=Delivery.SINGLE,
                      switched_off_kinds=["paper.published", "meeting.cancelled", "no.such.kind"])
    assert NotificationPreference.objects.get(user=user).switched_off_kinds == ["paper.published"]
    assert _notice(user) is None
    assert _notice(user, kind="meeting.cancelled") is not None


@pytest.mark.django_db
def test_digest_holds_optional_notices_and_sends_one_email_a_day():
    user = UserFactory(email="digest@example.org")
    preference_update(user=user, delivery=Delivery.DIGEST, switched_off_kinds=[])
    first, second = _notice(user, slot="1"), _notice(user, slot="2")
    reminder = _notice(user, kind="meeting.reminder", slot="r")
    assert (first.held_for_digest, reminder.held_for_digest) == (True, False)
    now = dt.datetime.now(LONDON).replace(hour=9) + dt.timedelta(days=1)
    assert notifications_dispatch_due(now=now) == 1  # only the reminder
    early = now.replace(hour=6)
    assert notifications_bundle_digests(now=early) == 0
    assert notifications_bundle_digests(now=now) == 1
    digest = Notification.objects.get(kind="digest.daily")
    assert "Text of notice 1" in digest.body_text and "Text of notice 2" in digest.body_text
    for held in (first, second):
        held.refresh_from_db()
        assert (held.status, held.bundled_into) == (NotificationStatus.BUNDLED, digest)
    assert notifications_dispatch_due(now=now) == 1
    assert [m.subject for m in mail.outbox][-1] == "Your daily digest: 2 notices"
    # A notice held later the same day waits for tomorrow's digest.
    third = _notice(user, slot="3")
    assert notifications_bundle_digests(now=now) == 0
    third.refresh_from_db()
    assert third.status == NotificationStatus.PENDING
    assert notifications_bundle_digests(now=now + dt.timedelta(days=1)) == 1


@pytest.mark.django_db
def test_preferences_page_saves_and_shows_the_choice(client):
    user = UserFactory()
    client.force_login(user, backend="partnership.auth_backends.AccountBackend")
    url = reverse("partnership:notification_preferences")
    page = client.get(url)
    assert page.status_code == 200
    assert "Meeting reminders" in page.text  # listed as always sent
    response = client.post(url, {"delivery": "digest", "wanted_kinds": ["action.due_soon"]})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=user)
    assert preference.delivery == "digest"
    assert "paper.published" in preference.switched_off_kinds
    assert "action.due_soon" not in preference.switched_off_kinds


@pytest.mark.django_db
@pytest.mark.parametrize("data", [
    {},
    {"delivery": "carrier-pigeon"},
    {"delivery": "single", "wanted_kinds": ["meeting.reminder"]},
    {"delivery": "x" * 5000, "wanted_kinds": ["<script>"]},
])
def test_nasty_posts_get_an_error_not_a_500(client, data):
    user = UserFactory()
    client.force_login(user, backend="partnership.auth_backends.AccountBackend")
    response = client.post(reverse("partnership:notification_preferences"), data)
    assert response.status_code == 200
    assert "<title>Error: " in response.text
    assert "govuk-error-summary" in response.text
    assert not NotificationPreference.objects.filter(user=user).exists()


def test_preference_delivery_is_checked_by_the_database(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        NotificationPreference.objects.create(user=UserFactory(), delivery="weekly")
