"""Sessions keep the 30-minute inactivity rule without a write on every request (issue 12): a
request saves the session only when its last save is a minute old or more, and the stored
expiry is then at least 30 minutes after that request."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lsmp.middleware import SESSION_REFRESHED_KEY
from tests.factories.partnership import UserFactory

pytestmark = pytest.mark.django_db


def _session_writes(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries
            if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")]


def _age_last_save(client, seconds):
    session = client.session
    session[SESSION_REFRESHED_KEY] -= seconds
    session.save()


def test_requests_within_a_minute_do_not_write_the_session(client):
    client.force_login(UserFactory())  # signing in saves the session and starts its refresh clock
    url = reverse("dashboard")
    for _ in range(3):
        assert _session_writes(client, url) == []


def test_a_request_a_minute_after_the_last_save_slides_the_expiry(client, settings):
    client.force_login(UserFactory())
    url = reverse("dashboard")
    client.get(url)
    _age_last_save(client, settings.SESSION_REFRESH_SECONDS)
    before = timezone.now()
    assert _session_writes(client, url) != []
    expires = Session.objects.get(session_key=client.session.session_key).expire_date
    # Never sooner than 30 minutes after this request; at most the refresh interval later.
    assert expires >= before + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert expires <= timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE
                                                    + settings.SESSION_REFRESH_SECONDS)


def test_a_session_idle_past_its_expiry_is_signed_out(client):
    client.force_login(UserFactory())
    url = reverse("dashboard")
    client.get(url)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_visitors_get_no_session_row(client):
    assert client.get(reverse("home")).status_code == 200
    assert not Session.objects.exists()
