"""A workplan's journey in a real browser, each page checked with axe: an officer imports a
spreadsheet through the check-your-answers page, the action's owner marks it done, the
workplan's progress changes, and the progress report lands as a paper on the next meeting."""

import datetime as dt

from django.utils import timezone

from partnership.models import Action, Paper
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import (
    PASSWORD,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
    gla_officer,
)

SPREADSHEET = ("Theme number,Theme title,Core objective,Priority number,Priority title,Year objective,Action,Deadline,"
               "Partners,Owner email\n"
               "8,Cross cutting themes,,8.1,Information and advice for refugees and new migrants,Develop a move-on "
               "framework,Set up a working group of partners and develop a framework for a multi-agency move-on,"
               "by September 2031,UK Border Agency; Refugee Council,member@example.org\n"
               "8,Cross cutting themes,,8.1,Information and advice for refugees and new migrants,Develop a move-on "
               "framework,Support partners to implement new framework,by March 2032,Refugee Council,\n")


def test_import_mark_done_progress_and_report(page, tmp_path):
    board = BodyFactory(short_name="LSMP", name="London Strategic Migration Partnership board")
    officer = gla_officer(email="officer@example.org", full_name="Priya Shah")
    owner = UserFactory(email="member@example.org", full_name="Daniel Mensah")
    MembershipFactory(user=owner, body=board)
    now = timezone.now()
    meeting = MeetingFactory(body=board, starts_at=now + dt.timedelta(days=30),
                             ends_at=now + dt.timedelta(days=30, hours=2))
    upload = tmp_path / "move-on.csv"
    upload.write_text(SPREADSHEET)

    sign_in(page, officer.email, PASSWORD)
    page.goto("/task-groups/workplans/import/")
    assert_accessible(page, "(import form)")
    page.get_by_label("Spreadsheet").set_input_files(str(upload))
    page.get_by_label("Whose workplan is it").select_option(label=board.name)
    page.get_by_label("Title of the workplan").fill("Move-on workplan 2031/32")
    page.get_by_label("First financial year").select_option(label="2029/30")
    page.get_by_label("Last financial year").select_option(label="2029/30")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the spreadsheet").click()
    assert_accessible(page, "(check your answers)")
    summary = page.locator(".govuk-summary-list").inner_text()
    assert "Actions\t2" in summary or "Actions\n2" in summary
    assert "2: Refugee Council; UK Border Agency" in summary
    assert not Action.objects.exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Import the workplan").click()
    assert_accessible(page, "(workplan page)")
    assert "0 of 2 actions done" in page.locator("main").inner_text()
    action = Action.objects.get(owner_user=owner)
    assert action.due_on == dt.date(2031, 9, 30)

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page, "(signed out)")
    sign_in(page, owner.email, PASSWORD)
    page.goto(f"/actions/{action.pk}/")
    assert_accessible(page, "(the owner's action)")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as done").click()
    assert_accessible(page, "(done)")
    page.goto(f"/task-groups/workplans/{action.workplan_link.priority.theme.workplan_id}/")
    assert_accessible(page, "(the member's view of the workplan)")
    assert "1 of 2 actions done (50%)" in page.locator("main").inner_text()

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page, "(signed out)")
    sign_in(page, officer.email, PASSWORD)
    page.goto(f"/task-groups/workplans/{action.workplan_link.priority.theme.workplan_id}/")
    assert_accessible(page, "(officer's workplan page)")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the progress report").click()
    assert_accessible(page, "(the meeting with its new paper)")
    paper = Paper.objects.get(meeting=meeting)
    assert paper.title.startswith("Move-on workplan 2031/32: progress report")
    assert paper.title in page.locator("main").inner_text()
