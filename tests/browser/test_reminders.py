"""Email settings and the delivery log in a real browser, each page checked with axe."""

from django.utils import timezone

from partnership.models import Notification, NotificationPreference, NotificationStatus
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import PASSWORD, UserFactory, gla_officer
from tests.factories.reminders import NotificationFactory


def test_a_member_switches_to_a_daily_digest_and_off_papers(page):
    member = UserFactory(email="member@example.org", full_name="Mo Member")
    sign_in(page, member.email, PASSWORD)
    page.get_by_role("link", name="Email settings").click()
    page.wait_for_url("**/account/email-settings/")
    assert_accessible(page, "(email settings)")
    assert "Meeting reminders" in page.locator("main").inner_text()
    page.get_by_label("One daily digest of the notices I can choose").check()
    page.get_by_label("New papers for your meetings").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Save email settings").click()
    assert_accessible(page, "(saved)")
    assert "Your email settings are saved." in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_label("One daily digest of the notices I can choose").is_checked()
    assert not page.get_by_label("New papers for your meetings").is_checked()
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.delivery, preference.switched_off_kinds) == ("digest", ["paper.published"])


def test_an_officer_filters_the_delivery_log_and_retries_a_failed_email(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    NotificationFactory(recipient_email="sent@example.org", status=NotificationStatus.SENT, sent_at=timezone.now())
    failed = NotificationFactory(recipient_email="bounced@example.org", status=NotificationStatus.FAILED,
                                 attempts=5, last_error="SMTPRecipientsRefused: mailbox unavailable")
    sign_in(page, officer.email, PASSWORD)
    page.get_by_role("link", name="Delivery log").click()
    page.wait_for_url("**/notifications/")
    assert_accessible(page, "(delivery log)")
    page.get_by_label("Status").select_option("failed")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    assert_accessible(page, "(filtered)")
    table = page.locator("table").inner_text()
    assert "bounced@example.org" in table and "sent@example.org" not in table
    page.get_by_label("Due from").fill("2026-02-31")  # a browser may send anything
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    assert_accessible(page, "(bad date)")
    page.goto("/notifications/?status=failed")
    assert_accessible(page, "(failed again)")
    with page.expect_navigation():
        page.get_by_role("button", name="Retry the email to bounced@example.org").click()
    assert_accessible(page, "(retried)")
    assert "queued again" in page.locator(".govuk-notification-banner").inner_text()
    assert Notification.objects.get(pk=failed.pk).status == NotificationStatus.PENDING
