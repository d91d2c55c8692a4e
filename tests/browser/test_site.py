"""The public pages and signing in, in a real browser, each checked with axe."""

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import PASSWORD, gla_officer
from tests.support.two_factor import authenticator_for, code_now


def test_public_pages_are_accessible(page):
    for path in ["/", "/accessibility/", "/privacy/", "/accounts/password-reset/", "/no-such-page/"]:
        page.goto(path)
        assert_accessible(page, path)
    assert page.locator("h1").inner_text() == "Page not found"


def test_home_page_uses_arial_and_no_crown(page):
    page.goto("/")
    assert_accessible(page)
    font = page.evaluate("getComputedStyle(document.querySelector('main p.govuk-body')).fontFamily")
    assert font.lower().startswith("arial")
    assert page.locator("svg.govuk-header__logotype").count() == 0
    assert page.locator("header .lsmp-header__title").inner_text().strip() == "London Strategic Migration Partnership"
    # Beside the name only the account area: Sign in for a visitor.
    assert page.locator("header").get_by_role("navigation", name="Account").inner_text().strip() == "Sign in"


def test_sign_in_error_summary_then_dashboard_by_keyboard(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    authenticator = authenticator_for(officer)
    page.goto("/accounts/login/")
    assert_accessible(page)
    # Keyboard only: Tab from the skip link to the fields, Enter to submit.
    page.get_by_label("Email address").focus()
    page.keyboard.type(officer.email)
    page.keyboard.press("Tab")
    page.keyboard.type("wrong password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "(error summary)")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error: ")
    # What was typed is kept.
    assert page.get_by_label("Email address").input_value() == officer.email

    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    # The second step, by keyboard too: the code field has the focus.
    page.wait_for_url("**/accounts/two-factor/**")
    assert_accessible(page, "(second step)")
    page.keyboard.type(code_now(authenticator))
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")
    assert_accessible(page, "(dashboard)")
    assert "Signed in as Gail Officer" in page.locator("main").inner_text()


def test_invite_page_is_accessible_for_officers(page):
    gla_officer(email="officer@example.org")
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto("/people/invite/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send invitation").click()
    assert_accessible(page, "(errors)")
    assert page.locator(".govuk-error-summary").is_visible()
