"""ESOL Plus in a real browser. The return journey: a grantee contact fills a monitoring return by
keyboard alone, meets the error summary, fixes the answer and submits; the coordinator returns it
with a comment; the contact changes it and submits again; the coordinator accepts it; the round's
figures change; the progress paper lands on the LSMP board's next meeting. And the public
directory filtered by borough, level and evening times in a window 320 pixels wide, without
sideways scrolling, with JavaScript and without. axe checks every page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from esol.models import MonitoringReturn, ProgressPaper, ReturnStatus
from partnership.models import Paper, PaperVisibility
from tests.browser.conftest import assert_accessible, assert_accessible_without_scripts, sign_in
from tests.browser.test_enquiries import tab_to, tab_to_button
from tests.factories.esol import (
    GranteeFactory,
    ProjectFactory,
    ProvisionFactory,
    ReturnFactory,
    funded_round,
    grantee_contact,
)
from tests.factories.partnership import PASSWORD, BodyFactory, BoroughFactory, MeetingFactory, gla_officer


def _go(page, action, context=""):
    with page.expect_navigation():
        action()
    assert_accessible(page, context)


def _press(page, key, context=""):
    _go(page, lambda: page.keyboard.press(key), context)


def _type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)


def _sign_out(page):
    _go(page, lambda: page.get_by_role("button", name="Sign out").click(), "(signed out)")


def _fill_and_submit_by_keyboard(page, return_id, enrolled):
    """As the grantee: the answers by keyboard, Save and continue, then Submit on check your answers."""
    _type_into(page, "id_learners_enrolled", enrolled)
    _type_into(page, "id_learners_completed", "20")
    _type_into(page, "id_learners_progressed", "9")
    _type_into(page, "id_learning_hours", "640")
    _type_into(page, "id_spend", "12500.00")
    _type_into(page, "id_progress", "Two classes ran with the crèche full.")
    tab_to_button(page, "Save and continue")
    _press(page, "Enter", "(after save and continue)")


def _figures_text(page, round_id):
    page.goto(f"/esol/rounds/{round_id}/figures/")
    assert_accessible(page, "(round figures)")
    return page.locator("main").inner_text()


def test_a_return_goes_round_the_workflow_and_reaches_the_board(page):
    board = BodyFactory(short_name="LSMP", name="London Strategic Migration Partnership board")
    next_meeting = MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=12))
    MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=100))
    round_ = funded_round("80000.00", name="ESOL Plus Childcare")
    lead = GranteeFactory(name="Poplar HARCA")
    contact = grantee_contact(lead, email="reports@poplar.example.org", full_name="Kevin Osei")
    project = ProjectFactory(round=round_, lead_organisation=lead, contacts=[contact], grant_awarded=Decimal("40000"),
                             title="ESOL with a crèche", target_enrolled=60, target_completed=45)
    draft = ReturnFactory(project=project)
    gla_officer(email="officer@example.org", full_name="Priya Shah")

    sign_in(page, "officer@example.org", PASSWORD)
    assert "0 of 60 (0%)" in _figures_text(page, round_.pk)
    _sign_out(page)

    # The grantee, by keyboard alone: a mistyped number first, so the error summary.
    sign_in(page, contact.email, PASSWORD)
    page.goto(f"/esol/returns/{draft.pk}/answers/")
    assert_accessible(page, "(answers)")
    _fill_and_submit_by_keyboard(page, draft.pk, "thirty")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "must be a whole number" in summary.inner_text()
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    assert page.locator("#id_learners_enrolled").input_value() == "thirty"
    assert page.locator("#id_progress").input_value() == "Two classes ran with the crèche full."
    # The summary's link takes the focus to the field; Enter follows it.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_learners_enrolled"
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("30")
    tab_to_button(page, "Save and continue")
    _press(page, "Enter", "(check answers)")
    assert page.locator("h1").inner_text() == "Check your answers before submitting the return"
    tab_to_button(page, "Submit the return")
    _press(page, "Enter", "(submitted)")
    assert "is submitted" in page.locator(".govuk-notification-banner").inner_text()
    assert MonitoringReturn.objects.get(pk=draft.pk).status == ReturnStatus.SUBMITTED
    _sign_out(page)

    # The coordinator returns it with a comment.
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto(f"/esol/returns/{draft.pk}/")
    assert_accessible(page, "(return as the coordinator)")
    _go(page, lambda: page.get_by_role("link", name="Review the return").click(), "(review)")
    page.get_by_label("Return it with comments").check()
    page.get_by_label("Comments for the project").fill("Learners enrolled should include the June intake.")
    _go(page, lambda: page.get_by_role("button", name="Save your decision").click(), "(returned)")
    assert MonitoringReturn.objects.get(pk=draft.pk).status == ReturnStatus.RETURNED
    _sign_out(page)

    # The contact reads the comment, changes the answer and submits again, by keyboard.
    sign_in(page, contact.email, PASSWORD)
    page.goto(f"/esol/returns/{draft.pk}/")
    assert_accessible(page, "(returned, as the grantee)")
    assert "should include the June intake" in page.locator(".govuk-inset-text").inner_text()
    _go(page, lambda: page.get_by_role("link", name="Continue the return").click(), "(answers again)")
    _fill_and_submit_by_keyboard(page, draft.pk, "36")
    tab_to_button(page, "Submit the return")
    _press(page, "Enter", "(submitted again)")
    assert MonitoringReturn.objects.get(pk=draft.pk).status == ReturnStatus.SUBMITTED
    _sign_out(page)

    # The coordinator accepts it: the round's figures change.
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto(f"/esol/returns/{draft.pk}/review/")
    assert_accessible(page, "(review again)")
    page.get_by_label("Accept the return").check()
    _go(page, lambda: page.get_by_role("button", name="Save your decision").click(), "(accepted)")
    accepted = MonitoringReturn.objects.get(pk=draft.pk)
    assert (accepted.status, accepted.learners_enrolled) == (ReturnStatus.ACCEPTED, 36)
    assert [step.to_status for step in accepted.transitions.order_by("at", "pk")] == [
        "submitted", "returned", "submitted", "accepted"]
    figures = _figures_text(page, round_.pk)
    assert "36 of 60 (60%)" in figures and "£12,500.00 of £40,000.00 (31%)" in figures

    # The progress paper, on the board's next meeting.
    page.goto(f"/esol/rounds/{round_.pk}/")
    assert_accessible(page, "(round)")
    _go(page, lambda: page.get_by_role("link", name="Create the progress paper").click(), "(progress paper form)")
    assert page.locator("input[name=meeting]:checked").get_attribute("value") == str(next_meeting.pk)
    _go(page, lambda: page.get_by_role("button", name="Create the progress paper").click(), "(paper created)")
    paper = Paper.objects.get(meeting=next_meeting)
    assert paper.visibility == PaperVisibility.MEMBERS and paper.content_type == "application/pdf"
    assert ProgressPaper.objects.get(round=round_).paper == paper
    assert "ESOL Plus Childcare: progress report" in page.locator("#papers").locator("xpath=..").inner_text()


@pytest.fixture
def directory_world():
    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    hackney = BoroughFactory(name="Hackney", gss_code="E09000012")
    ProvisionFactory(course_title="Evening Entry 3 with a long name that must wrap on a small screen", borough=camden,
                     level_entry_3=True, evening=True, venue_address="Somewhere in Camden, a long address line")
    ProvisionFactory(course_title="Daytime Entry 3", borough=camden, level_entry_3=True, daytime=True)
    ProvisionFactory(course_title="Evening Entry 1", borough=camden, level_entry_1=True, evening=True)
    ProvisionFactory(course_title="Evening Entry 3 in Hackney", borough=hackney, level_entry_3=True, evening=True)
    return camden


def _no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width} pixels wide in a 320 pixel window"


def _filter(page):
    page.get_by_label("Borough").select_option(label="Camden")
    page.get_by_label("Level").select_option(label="Entry 3")
    page.get_by_label("Evening").check()


def test_the_directory_filtered_at_320_pixels_wide(page, directory_world):
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto("/esol/provision/")
    assert_accessible(page, "(directory at 320px)")
    _no_sideways_scroll(page)
    _filter(page)
    _go(page, lambda: page.get_by_role("button", name="Apply filters").click(), "(filtered at 320px)")
    assert "borough=E09000007" in page.url and "level=entry-3" in page.url and "times=evening" in page.url
    assert page.locator("#results").inner_text() == "1 course"
    cards = page.locator(".govuk-summary-card").all_inner_texts()
    assert len(cards) == 1 and "Evening Entry 3 with a long name" in cards[0] and "Camden" in cards[0]
    _no_sideways_scroll(page)
    _go(page, lambda: page.get_by_role("link", name="Evening Entry 3 with a long name").click(), "(entry at 320px)")
    _no_sideways_scroll(page)


def test_the_directory_filters_without_javascript(page, browser, live_server, directory_world):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 320, "height": 900})
    try:
        scriptless = context.new_page()
        scriptless.goto("/esol/provision/")
        _filter(scriptless)
        with scriptless.expect_navigation():
            scriptless.get_by_role("button", name="Apply filters").click()
        assert "times=evening" in scriptless.url
        assert "1 course" in scriptless.locator("main").inner_text()
        _no_sideways_scroll(scriptless)
        assert_accessible_without_scripts(page, scriptless, "(filtered directory)")
    finally:
        context.close()
