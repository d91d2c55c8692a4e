"""Two-factor authentication in the browser, each page checked with axe: setting up an app at
the first sign-in, signing in with a code and with a recovery code, a reset by another
officer, and the pages that refuse a sign-in."""

import base64
import time

from axes.models import AccessAttempt
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import PASSWORD, gla_officer
from tests.support.two_factor import authenticator_for, code_at


def _password_step(page, email):
    page.goto("/accounts/login/")
    assert_accessible(page, "(sign-in page)")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def _sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page, "(signed out)")


def test_set_up_then_sign_in_with_a_code_and_with_a_recovery_code(page):
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    _password_step(page, "officer@example.org")
    page.wait_for_url("**/accounts/two-factor/set-up/**")
    assert_accessible(page, "(set-up)")
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    typed = page.locator("#authenticator-key").inner_text()
    key = base64.b32decode(typed.replace(" ", "")).hex()

    page.get_by_label("Code from your authenticator app").fill("000000" if code_at(key, time.time()) != "000000"
                                                              else "111111")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    assert_accessible(page, "(set-up: wrong code)")
    assert page.locator(".govuk-error-summary").is_visible()
    page.get_by_label("Code from your authenticator app").fill(code_at(key, time.time()))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/security/**")
    assert_accessible(page, "(recovery codes shown once)")
    codes = page.locator("main ol li code").all_inner_texts()
    assert len(codes) == 10
    with page.expect_navigation():
        page.get_by_role("link", name="I have saved my recovery codes: continue").click()
    page.wait_for_url("**/dashboard/")
    assert_accessible(page, "(dashboard)")

    # Next time: a code from the app (the next 30 seconds' code, as a phone's clock may run ahead).
    _sign_out(page)
    _password_step(page, "officer@example.org")
    page.wait_for_url("**/accounts/two-factor/**")
    assert_accessible(page, "(second step)")
    page.get_by_label("Code from your authenticator app").fill(code_at(key, time.time() + 30))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/dashboard/")
    assert_accessible(page, "(signed in with a code)")

    # And without the phone: a recovery code, typed in capitals.
    _sign_out(page)
    _password_step(page, "officer@example.org")
    assert_accessible(page, "(second step)")
    with page.expect_navigation():
        page.get_by_role("link", name="Use a recovery code").click()
    assert_accessible(page, "(recovery code)")
    page.get_by_label("Recovery code").fill(codes[0].upper())
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/dashboard/")
    assert_accessible(page, "(signed in with a recovery code)")
    assert "You have 9 left" in page.locator(".govuk-notification-banner").inner_text()


def test_another_officer_resets_it(page):
    colleague = gla_officer(email="colleague@example.org", full_name="Col League")
    authenticator_for(colleague)
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto(f"/people/{colleague.pk}/")
    assert_accessible(page, "(person page)")
    with page.expect_navigation():
        page.get_by_role("link", name="Reset two-factor authentication").click()
    assert_accessible(page, "(reset page)")
    with page.expect_navigation():
        page.get_by_role("button", name="Reset two-factor authentication").click()
    assert_accessible(page, "(reset: no reason)")
    assert page.locator(".govuk-error-summary").is_visible()
    page.get_by_label("Why are you resetting it, and how did you confirm who asked?").fill(
        "Lost phone; confirmed by a call to their desk number")
    with page.expect_navigation():
        page.get_by_role("button", name="Reset two-factor authentication").click()
    assert_accessible(page, "(reset done)")
    assert "Last reset on" in page.locator("main").inner_text()

    _sign_out(page)
    _password_step(page, "colleague@example.org")
    page.wait_for_url("**/accounts/two-factor/set-up/**")
    assert_accessible(page, "(colleague sets up again)")


def test_refused_sign_ins_are_clear_pages(page):
    gla_officer(email="officer@example.org")
    # Four earlier failures with this address: the fifth locks it.
    AccessAttempt.objects.create(username="officer@example.org", ip_address="127.0.0.1", user_agent="x",
                                 failures_since_start=4, attempt_time=timezone.now(), get_data="", post_data="",
                                 http_accept="", path_info="/accounts/login/")
    page.goto("/accounts/login/")
    assert_accessible(page, "(sign-in page)")
    page.get_by_label("Email address").fill("officer@example.org")
    page.get_by_label("Password").fill("a wrong guess")
    with page.expect_navigation() as locked:
        page.get_by_role("button", name="Sign in").click()
    assert locked.value.status == 429
    assert_accessible(page, "(email address locked)")
    assert page.locator("h1").inner_text() == "Too many attempts to sign in"

    # Thirty failures from this connection, whatever the addresses: no more tries from it.
    AccessAttempt.objects.create(username="someone-else@example.org", ip_address="127.0.0.1", user_agent="x",
                                 failures_since_start=30, attempt_time=timezone.now(), get_data="", post_data="",
                                 http_accept="", path_info="/accounts/login/")
    page.goto("/accounts/login/")
    assert_accessible(page, "(sign-in page)")
    page.get_by_label("Email address").fill("another@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation() as throttled:
        page.get_by_role("button", name="Sign in").click()
    assert throttled.value.status == 429
    assert_accessible(page, "(connection throttled)")
    assert page.locator("h1").inner_text() == "Too many attempts to sign in from your connection"
