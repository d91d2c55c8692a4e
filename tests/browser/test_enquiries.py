"""The contact form in a real browser: by keyboard alone, through the error summary to the
confirmation; without JavaScript; what a bot and a sender past the rate limit see; and the
officer's queue. axe checks every state, those reached with JavaScript off included."""

import pytest

from partnership.models import Enquiry, EnquiryStatus, Notification
from tests.browser.conftest import assert_accessible, assert_accessible_without_scripts, sign_in
from tests.factories.enquiries import EnquiryFactory
from tests.factories.partnership import PASSWORD, BoroughFactory, gla_officer


def active_id(page) -> str:
    return page.evaluate("(e => e && (e.id || e.name || e.tagName))(document.activeElement)")


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Presses Tab (only Tab) until the element with this id has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_id(page) == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}")


def tab_to_button(page, text: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate("(e => ['BUTTON', 'INPUT'].includes(e.tagName) && ['submit', 'button'].includes(e.type)"
                              " ? (e.value || e.textContent).trim() : null)(document.activeElement)")
        if label == text:
            return
    pytest.fail(f"Tab never reached the {text!r} button")


def test_contact_form_by_keyboard_alone(page):
    BoroughFactory(name="Lewisham", gss_code="E09000023")
    page.goto("/contact/")
    assert_accessible(page, "(empty form)")
    # The conditional questions are hidden until their kind is chosen (JavaScript is on).
    assert not page.locator("#id_offer_where").is_visible()

    # First attempt: a name and a mistyped email, then Enter in the email field.
    tab_to(page, "id_name")
    page.keyboard.type("Amira Haddad")
    page.keyboard.press("Tab")
    page.keyboard.type("amira.example.com")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "(error summary)")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert "Select what your message is about" in summary.inner_text()
    assert "Enter an email address in the correct format" in summary.inner_text()
    assert page.locator("#id_name").input_value() == "Amira Haddad"
    assert page.locator("#id_email").input_value() == "amira.example.com"

    # Choose "A document in an accessible format": Tab into the radios, arrows move the choice.
    tab_to(page, "id_kind")
    page.keyboard.press("Space")
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    assert page.locator("#id_kind_4").is_checked()
    assert page.locator("#id_document_requested").is_visible()
    assert_accessible(page, "(accessible-format questions revealed)")

    # Change to "An offer of support".
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.locator("#id_kind_2").is_checked()
    assert page.locator("#id_offer_where").is_visible()
    assert not page.locator("#id_document_requested").is_visible()
    assert_accessible(page, "(offer questions revealed)")

    page.keyboard.press("Tab")  # into the offer's checkboxes
    assert active_id(page) == "id_offer_types_1"
    page.keyboard.press("Space")  # Accommodation
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # English teaching
    tab_to(page, "id_offer_where")
    page.keyboard.type("Anywhere in south-east London")

    tab_to(page, "id_email")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("amira@example.com")
    tab_to(page, "id_message")
    page.keyboard.type("Our community centre can host weekly English conversation classes.")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to_button(page, "Continue")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Check your answers, then send.
    assert_accessible(page, "(check your answers)")
    assert page.url.endswith("/contact/check/")
    assert "Anywhere in south-east London" in page.locator(".govuk-summary-list").inner_text()
    assert not Enquiry.objects.exists()
    tab_to_button(page, "Send message")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert_accessible(page, "(confirmation)")
    assert page.url.endswith("/contact/sent/")
    enquiry = Enquiry.objects.get()
    panel = page.locator(".govuk-panel--confirmation")
    assert panel.is_visible() and enquiry.reference in panel.inner_text()
    assert enquiry.offer_types == ["accommodation", "english"]
    assert enquiry.offer_where == "Anywhere in south-east London"
    assert Notification.objects.filter(recipient_email="amira@example.com").count() == 1


def test_contact_form_works_without_javascript(browser, live_server, page):
    # Its own browser context, with scripts off. axe-core needs JavaScript, so each state is
    # checked again by axe in `page` (scripts on), fed the same URL and HTML with scripts blocked.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    scriptless = context.new_page()
    try:
        scriptless.goto("/contact/")
        assert_accessible_without_scripts(page, scriptless, "(empty form)")
        # Every conditional question is shown, so a request can be made without scripts.
        assert scriptless.locator("#id_document_requested").is_visible()
        assert scriptless.locator("#id_offer_where").is_visible()
        # "What else can you offer?" shows only under a ticked "Something else": the stylesheet
        # does it (CSS :has()), so it works with scripts off too.
        assert not scriptless.locator("#id_offer_other").is_visible()
        scriptless.locator("#id_offer_types_8").check()
        assert scriptless.locator("#id_offer_other").is_visible()
        scriptless.locator("#id_offer_types_8").uncheck()
        assert not scriptless.locator("#id_offer_other").is_visible()
        with scriptless.expect_navigation():
            scriptless.get_by_role("button", name="Continue").click()
        assert scriptless.title().startswith("Error: ")
        assert_accessible_without_scripts(page, scriptless, "(error summary)")
        scriptless.locator("#id_kind_4").check()
        scriptless.locator("#id_document_requested").fill("LSMP annual report 2025")
        scriptless.locator("#id_accessible_format_3").check()  # audio
        scriptless.locator("#id_name").fill("Sam Reed")
        scriptless.locator("#id_email").fill("sam@example.com")
        scriptless.locator("#id_message").fill("I use a screen reader.")
        scriptless.locator("#id_consent").check()
        with scriptless.expect_navigation():
            scriptless.get_by_role("button", name="Continue").click()
        assert_accessible_without_scripts(page, scriptless, "(check your answers)")
        with scriptless.expect_navigation():
            scriptless.get_by_role("button", name="Send message").click()
        assert scriptless.locator(".govuk-panel--confirmation").is_visible()
        assert_accessible_without_scripts(page, scriptless, "(confirmation)")
    finally:
        context.close()
    enquiry = Enquiry.objects.get()
    assert (enquiry.kind, enquiry.accessible_format) == ("accessible", "audio")


def _fill_a_question(page) -> None:
    page.get_by_label("A question").check()
    page.locator("#id_name").fill("Sam Reed")
    page.locator("#id_email").fill("sam@example.com")
    page.locator("#id_message").fill("How can our library help?")
    page.locator("#id_consent").check()


def test_the_honeypot_and_rate_limited_pages(page, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    page.goto("/contact/")
    assert_accessible(page, "(empty form)")
    _fill_a_question(page)
    # A bot fills the field people never see: it is told "sent", and nothing is kept.
    page.evaluate("document.getElementById('id_website').value = 'https://spam.example'")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Continue").click()
    assert sent.value.status == 200
    assert_accessible(page, "(honeypot's pretend success)")
    assert page.locator(".govuk-panel--confirmation").inner_text().strip() == "Message sent"
    assert not Enquiry.objects.exists()

    # That post used up this address's one message: the next is refused, and the form comes
    # back with everything typed and a summary saying how long to wait.
    page.goto("/contact/")
    assert_accessible(page, "(form again)")
    _fill_a_question(page)
    long_message = "How can our library help?\n\n" + "We have rooms and computers to offer. " * 60
    page.locator("#id_message").fill(long_message)
    with page.expect_navigation() as refused:
        page.get_by_role("button", name="Continue").click()
    assert refused.value.status == 429
    assert_accessible(page, "(rate limited)")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert "You have sent too many messages. Wait " in summary.inner_text()
    assert page.locator("#id_message").input_value() == long_message
    assert page.locator("#id_name").input_value() == "Sam Reed"
    assert page.locator("#id_email").input_value() == "sam@example.com"
    assert page.get_by_label("A question").is_checked() and page.locator("#id_consent").is_checked()
    # The summary's link takes the focus to the message, ready to copy.
    summary.get_by_role("link").click()
    assert active_id(page) == "id_message"
    assert not Enquiry.objects.exists()


def test_officer_triages_an_enquiry(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    enquiry = EnquiryFactory(name="Sam Reed")
    sign_in(page, officer.email, PASSWORD)
    page.goto("/enquiries/")
    assert_accessible(page, "(queue)")
    with page.expect_navigation():
        page.get_by_role("link", name=enquiry.reference).click()
    assert_accessible(page, "(detail)")
    page.get_by_label("Assign to").select_option(label="Gail Officer")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    assert_accessible(page, "(assigned)")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the response").click()
    assert_accessible(page, "(response error)")
    assert page.title().startswith("Error: ")
    page.get_by_label("How was it answered?").fill("Replied by email")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the response").click()
    assert_accessible(page, "(responded)")
    with page.expect_navigation():
        page.get_by_role("button", name="Close the enquiry").click()
    assert_accessible(page, "(closed)")
    assert Enquiry.objects.get().status == EnquiryStatus.CLOSED
    page.goto("/enquiries/subject-access/")
    assert_accessible(page, "(subject access)")
    page.goto("/enquiries/?overdue=true&status=open")
    assert_accessible(page, "(filtered queue)")
