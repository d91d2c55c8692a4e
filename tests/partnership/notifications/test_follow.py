"""Follow, the public's email alerts: double opt-in through a signed expiring link, a daily
digest through the outbox of only what is public, one-click unsubscribe (and the
List-Unsubscribe header), a manage page through a signed link, unconfirmed requests deleted
after 7 days, counts (not addresses) for officers."""

import datetime as dt
import re

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from partnership.models import Notification, PaperVisibility, Subscription
from partnership.notifications.services.outbox import _as_message
from partnership.notifications.services.subscriptions import (
    KIND_CONFIRM,
    KIND_DIGEST,
    confirm_token,
    plan_follow_digests,
    subscription_confirm,
    subscription_request,
    unsubscribe_token,
)
from tests.factories.funding import SignedDecisionFactory
from tests.factories.papers_actions import PaperFactory

pytestmark = pytest.mark.django_db


def _morning(days=0):
    local = timezone.localtime() + dt.timedelta(days=days)
    return local.replace(hour=8, minute=0, second=0, microsecond=0)


def _link(text: str, name: str) -> str:
    return re.search(rf"https?://[^\s]*/follow/{name}/[^\s]+/", text).group(0)


def test_asking_writes_an_unconfirmed_subscription_and_one_confirmation_a_day(world):
    subscription_request(email=" Reader@Example.com ", topic="body_papers", body=world.mrap)
    subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)
    subscription = Subscription.objects.get()
    assert subscription.email == "reader@example.com" and subscription.confirmed_at is None
    notices = Notification.objects.filter(kind=KIND_CONFIRM)
    assert notices.count() == 1
    assert "/follow/confirm/" in notices.get().body_text


def test_the_emailed_link_confirms_with_a_button_and_expires(world, client, monkeypatch):
    subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)
    url = _link(Notification.objects.get(kind=KIND_CONFIRM).body_text, "confirm")
    path = url.split("//", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200 and b"Confirm" in page.content
    assert Subscription.objects.get().confirmed_at is None  # opening the link (a mail scanner) is not enough
    response = client.post("/" + path)
    assert response.status_code == 302 and "/follow/manage/" in response["Location"]
    assert Subscription.objects.get().confirmed_at is not None
    # Eight days on, a link for another request no longer works.
    other = subscription_request(email="late@example.com", topic="signed_decisions")
    token = confirm_token(other)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 8 * 24 * 3600)
    assert client.get(f"/follow/confirm/{token}/").status_code == 404


def test_the_daily_digest_lists_only_new_public_things_once_a_day(world):
    subscription = subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)
    subscription_confirm(subscription=subscription, now=_morning(-1))
    decisions = subscription_request(email="reader@example.com", topic="signed_decisions")
    subscription_confirm(subscription=decisions, now=_morning(-1))
    PaperFactory(body=world.mrap, title="Public winter plan", visibility=PaperVisibility.PUBLIC,
                 published_at=_morning(-1) + dt.timedelta(hours=2))
    PaperFactory(body=world.mrap, title="Members-only budget", visibility=PaperVisibility.MEMBERS,
                 published_at=_morning(-1) + dt.timedelta(hours=2))
    PaperFactory(body=world.hmap, title="Another body's paper", visibility=PaperVisibility.PUBLIC,
                 published_at=_morning(-1) + dt.timedelta(hours=2))
    signed = SignedDecisionFactory(title="Signed ESOL funding")
    type(signed).objects.filter(pk=signed.pk).update(updated_at=_morning(-1) + dt.timedelta(hours=3))
    assert plan_follow_digests(_morning().replace(hour=6)) == 0  # not before the morning
    assert plan_follow_digests(_morning()) == 1
    assert plan_follow_digests(_morning() + dt.timedelta(hours=1)) == 0  # one a day
    digest = Notification.objects.get(kind=KIND_DIGEST)
    assert "Public winter plan" in digest.body_text and "Signed ESOL funding" in digest.body_text
    assert "Members-only budget" not in digest.body_text and "Another body's paper" not in digest.body_text
    assert "/follow/manage/" in digest.body_text and digest.body_text.count("/follow/unsubscribe/") == 2
    message = _as_message(digest)
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/follow/unsubscribe-all/" in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert plan_follow_digests(_morning(1)) == 0  # nothing new since: no email


def test_one_click_unsubscribe_needs_no_csrf_token_and_deletes_the_row(world):
    subscription = subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)
    subscription_confirm(subscription=subscription)
    PaperFactory(body=world.mrap, visibility=PaperVisibility.PUBLIC, published_at=timezone.now())
    plan_follow_digests(_morning(1))
    digest = Notification.objects.get(kind=KIND_DIGEST)
    header = _as_message(digest).extra_headers["List-Unsubscribe"].strip("<>")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post("/" + header.split("//", 1)[1].split("/", 1)[1],
                                {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_the_unsubscribe_link_of_one_subscription_leaves_the_others(world, client):
    papers = subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)
    subscription_request(email="reader@example.com", topic="signed_decisions")
    token = unsubscribe_token(papers)
    assert client.post(f"/follow/unsubscribe/{token}/").status_code == 302
    assert list(Subscription.objects.values_list("topic", flat=True)) == ["signed_decisions"]
    again = client.get(f"/follow/unsubscribe/{token}/")
    assert again.status_code == 200 and b"stopped already" in again.content


def test_unconfirmed_requests_are_deleted_after_seven_days(world):
    subscription_request(email="reader@example.com", topic="signed_decisions")
    Subscription.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    kept = subscription_request(email="new@example.com", topic="signed_decisions")
    plan_follow_digests(timezone.now())
    assert list(Subscription.objects.all()) == [kept]


def test_the_form_asks_for_a_body_when_the_topic_needs_one_and_keeps_the_address(world, client):
    page = client.post("/follow/", {"email": "reader@example.com", "topic": "body_papers"}).content.decode()
    assert "Choose the body to follow" in page and 'value="reader@example.com"' in page
    assert not Subscription.objects.exists()
    page = client.post("/follow/", {"email": "not-an-address", "topic": "nope"}).content.decode()
    assert "Enter an email address in the correct format" in page and "govuk-error-summary" in page


def test_officers_see_counts_not_addresses(world, client_for):
    subscription_request(email="private@example.com", topic="body_papers", body=world.mrap)
    page = client_for(world.users["gla_officer"]).get("/follow/counts/").content.decode()
    assert "private@example.com" not in page
    assert world.mrap.name in page
    assert client_for(world.users["panel_member"]).get("/follow/counts/").status_code == 403


def test_subject_access_includes_the_alerts_an_address_follows(world):
    from partnership.enquiries.exports import subject_access_csv

    subscription_request(email="reader@example.com", topic="signed_decisions")
    assert "New signed decisions" in subject_access_csv("Reader@example.com")


def test_past_the_rate_limit_the_form_answers_429_keeps_the_address_and_asks_for_nothing(world, client, settings):
    """Each request emails a link: the contact form's limits stop the form flooding an inbox."""
    settings.ENQUIRY_EMAIL_RATE_LIMIT = 2
    asked = {"email": "target@example.com", "topic": "signed_decisions"}
    for _ in range(2):
        assert client.post("/follow/", asked).status_code == 302
    sent = Notification.objects.filter(kind=KIND_CONFIRM).count()
    response = client.post("/follow/", asked, REMOTE_ADDR="192.0.2.44")
    page = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "You have asked for too many email alerts" in page and "govuk-error-summary" in page
    assert 'value="target@example.com"' in page
    assert Notification.objects.filter(kind=KIND_CONFIRM).count() == sent
    # Another address from the same connection is not affected.
    assert client.post("/follow/", {**asked, "email": "other@example.com"}).status_code == 302


def test_the_follow_form_is_limited_per_connection_too(world, client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert client.post("/follow/", {"email": "a@example.com", "topic": "signed_decisions"}).status_code == 302
    assert client.post("/follow/", {"email": "b@example.com", "topic": "signed_decisions"}).status_code == 429
