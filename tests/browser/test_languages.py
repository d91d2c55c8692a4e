"""The contact form in Arabic (right to left) and in Bengali, in a real browser at 320 px: by
keyboard alone, through the error summary, "Something else" revealing its question, check your
answers, to the confirmation with the reference number left to right. axe checks every state and
no state scrolls sideways. With LSMP_SCREENSHOTS=<folder> each state is also saved as a picture
(at 320 px, and the empty and error forms at 1280 px too) for a person to look at."""

import os
import re
from pathlib import Path

import pytest
from django.utils import translation

from partnership.models import Enquiry
from tests.browser.conftest import assert_accessible
from tests.browser.test_enquiries import active_id, tab_to, tab_to_button

NAMES = {"ar": "سارة الحسيني", "bn": "রুমানা বেগম"}
MESSAGES = {"ar": "نستطيع استضافة دروس محادثة باللغة الإنجليزية كل أسبوع في مركزنا المجتمعي.",
            "bn": "আমরা আমাদের কমিউনিটি সেন্টারে প্রতি সপ্তাহে ইংরেজি কথোপকথনের ক্লাস করতে পারি।"}
OTHER_OFFER = {"ar": "حافلة صغيرة أيام السبت", "bn": "শনিবারে একটি মিনিবাস"}
SCREENSHOTS = os.environ.get("LSMP_SCREENSHOTS")


def _t(code: str, text: str, context: str | None = None) -> str:
    with translation.override(code):
        return translation.pgettext(context, text) if context else translation.gettext(text)


def assert_no_sideways_scroll(page, context: str) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{context}: the page is {widths[0]} px wide in a {widths[1]} px window"


def _state(page, code: str, name: str) -> None:
    assert_accessible(page, f"({code}: {name})")
    assert_no_sideways_scroll(page, f"{code}: {name}")
    if SCREENSHOTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=str(folder / f"{code}-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("code", ["ar", "bn"])
def test_contact_form_in_a_community_language_by_keyboard_at_320_px(page, code):
    direction = "rtl" if code == "ar" else "ltr"
    if SCREENSHOTS:  # the same states at a desktop width, for the record
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"/{code}/contact/")
        _state(page, code, "form")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"/{code}/contact/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [code, direction]
    _state(page, code, "form")
    assert not page.locator("#id_offer_where").is_visible()

    # A name and a mistyped email, then Enter: the error summary, in the language.
    tab_to(page, "id_name")
    page.keyboard.type(NAMES[code])
    page.keyboard.press("Tab")
    page.keyboard.type("not-an-email")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _state(page, code, "errors")
    assert page.title().startswith(_t(code, "Error:"))
    summary = page.locator(".govuk-error-summary")
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert _t(code, "Select what your message is about") in summary.inner_text()
    assert page.locator("#id_name").input_value() == NAMES[code]
    if code == "ar":  # the red bar of a field in error is on the right, the reading side
        bar = page.evaluate("getComputedStyle(document.querySelector('.govuk-form-group--error')).borderRightWidth")
        assert bar == "5px"

    # The summary's link to the radios, then the arrows: "An offer of support".
    summary.get_by_role("link", name=_t(code, "Select what your message is about")).focus()
    page.keyboard.press("Enter")
    assert active_id(page) == "id_kind"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_kind_2").is_checked()
    assert page.locator("#id_offer_where").is_visible() and not page.locator("#id_offer_other").is_visible()

    # "Something else" (the eighth box) reveals "What else can you offer?", and only it does.
    page.keyboard.press("Tab")
    assert active_id(page) == "id_offer_types_1"
    page.keyboard.press("Space")
    for _ in range(7):
        page.keyboard.press("Tab")
    assert active_id(page) == "id_offer_types_8"
    page.keyboard.press("Space")
    assert page.locator("#id_offer_other").is_visible()
    _state(page, code, "something-else-revealed")
    page.keyboard.press("Tab")
    assert active_id(page) == "id_offer_other"
    page.keyboard.type(OTHER_OFFER[code])
    tab_to(page, "id_offer_where")
    page.keyboard.type("Tower Hamlets")
    tab_to(page, "id_email")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("sender@example.com")
    tab_to(page, "id_message")
    page.keyboard.type(MESSAGES[code])
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    tab_to_button(page, _t(code, "Continue", "contact form button"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Check your answers: the email address stays left to right inside the page.
    _state(page, code, "check")
    assert page.url.endswith(f"/{code}/contact/check/")
    answers = page.locator(".govuk-summary-list").inner_text()
    assert OTHER_OFFER[code] in answers and MESSAGES[code] in answers
    assert page.evaluate("getComputedStyle(document.querySelector('bdi[dir=ltr]')).direction") == "ltr"
    tab_to_button(page, _t(code, "Send message"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    _state(page, code, "confirmation")
    enquiry = Enquiry.objects.get()
    assert (enquiry.language, enquiry.reply_language) == (code, code)
    assert enquiry.offer_other == OTHER_OFFER[code] and enquiry.message == MESSAGES[code]
    reference = page.locator(".lsmp-reference")
    assert reference.inner_text() == enquiry.reference
    assert re.fullmatch(r"ENQ-\d{4}-\d{5}", reference.inner_text())
    assert reference.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # Drawn left to right: "ENQ" is to the left of the number, in the right-to-left page too.
    box = reference.evaluate("""e => { const r = document.createRange(); const t = e.firstChild;
        r.setStart(t, 0); r.setEnd(t, 3); const first = r.getBoundingClientRect().left;
        r.setStart(t, t.length - 5); r.setEnd(t, t.length); return [first, r.getBoundingClientRect().left]; }""")
    assert box[0] < box[1]


def test_the_language_switcher_by_keyboard_remembers_the_choice(page):
    page.goto("/contact/")
    assert_accessible(page, "(English form)")
    link = page.locator(".lsmp-language-switcher").get_by_role("link", name="বাংলা")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/bn/contact/")
    assert_accessible(page, "(Bengali form)")
    page.goto("/privacy/")  # an English address: the remembered choice opens it in Bengali
    assert page.url.endswith("/bn/privacy/")
    assert_accessible(page, "(Bengali privacy notice)")
    assert page.evaluate("document.documentElement.lang") == "bn"
