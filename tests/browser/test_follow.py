"""The public follows MRAP's papers: asks from the body's page, confirms from the email, receives
the digest when a public paper is published, and unsubscribes from the digest's link; axe on
every page on the way."""

import datetime as dt
import re

from django.utils import timezone

from partnership.models import Notification, PaperVisibility, Subscription
from partnership.notifications.services.subscriptions import KIND_CONFIRM, KIND_DIGEST, plan_follow_digests
from tests.browser.conftest import assert_accessible
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory


def _path(text: str, name: str) -> str:
    url = re.search(rf"https?://[^\s]*/follow/{name}/[^\s]+/", text).group(0)
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


def test_the_public_follows_mrap_papers_and_unsubscribes(page):
    mrap = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    page.goto(f"/bodies/{mrap.pk}/")
    assert_accessible(page, "(the body's page)")
    page.get_by_role("link", name="get email alerts").click()
    assert page.locator("#id_body").input_value() == str(mrap.pk)
    assert_accessible(page, "(form)")
    page.get_by_role("button", name="Send me a link").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page, "(error summary)")
    page.get_by_label("Email address").fill("reader@example.com")
    page.get_by_role("button", name="Send me a link").click()
    assert page.locator("h1").inner_text() == "Check your email"
    assert_accessible(page, "(check your email)")

    page.goto(_path(Notification.objects.get(kind=KIND_CONFIRM).body_text, "confirm"))
    assert_accessible(page, "(confirm)")
    page.get_by_role("button", name="Confirm").click()
    assert "Your email alerts are on" in page.locator("main").inner_text()
    assert_accessible(page, "(manage)")

    PaperFactory(body=mrap, title="Winter shelter briefing", visibility=PaperVisibility.PUBLIC,
                 published_at=timezone.now())
    morning = timezone.localtime().replace(hour=7, minute=0, second=0, microsecond=0)
    assert plan_follow_digests(max(timezone.now() + dt.timedelta(seconds=1), morning)) == 1
    digest = Notification.objects.get(kind=KIND_DIGEST)
    assert "Winter shelter briefing" in digest.body_text

    page.goto(_path(digest.body_text, "unsubscribe"))
    assert_accessible(page, "(unsubscribe)")
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.locator("h1").inner_text() == "You are unsubscribed"
    assert_accessible(page, "(unsubscribed)")
    assert not Subscription.objects.exists()
