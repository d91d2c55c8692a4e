"""The partnership end to end, through the links between its pages: a GLA officer goes from a new
body to approved minutes with a paper and an action recorded from the agenda; then the member
signs in, finds the meeting, downloads the members' paper and marks their action done. Every
page opened is checked with axe."""

import datetime as dt
import re
from pathlib import Path

from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import Action, ActionStatus, Meeting, Minutes, MinutesStatus, Paper, PaperVisibility
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import PASSWORD, OrganisationFactory, UserFactory, gla_officer

PAPER_TITLE = "Contingency hotels: the Home Office update"
ACTION = "Share the list of contingency hotels closing this quarter with the borough leads"


def _submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()
    assert_accessible(page, f"(after {name})")


def _follow(page, name, within="main"):
    with page.expect_navigation():
        page.locator(within).get_by_role("link", name=name, exact=True).click()
    assert_accessible(page, f"({name})")


def _main(page):
    return page.locator("main").inner_text()


def test_officer_runs_a_meeting_with_papers_and_actions_and_the_member_follows_up(page, tmp_path):
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    OrganisationFactory(name="Home Office")
    member = UserFactory(full_name="Alex Turner", email="alex@example.org")
    pdf = tmp_path / "Home Office update.pdf"
    pdf.write_bytes(minimal_pdf(PAPER_TITLE))
    due = timezone.localdate() + dt.timedelta(days=28)

    # --- The officer: a body, a member, a meeting, an agenda item --------------------------
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto("/bodies/")
    assert_accessible(page, "(bodies)")
    _follow(page, "Add a body")
    page.get_by_label("Name", exact=True).fill("London Asylum Group")
    page.get_by_label("Short name").fill("LAG")
    page.get_by_label("Kind").select_option(label="Group")
    page.get_by_label("Purpose").fill("Helps secure improvements to asylum support in London.")
    page.get_by_label("Cadence").select_option(label="Every two months")
    _submit(page, "Save body")
    assert page.locator("h1").inner_text() == "London Asylum Group"
    body_path = page.url

    _follow(page, "Add a member")
    page.get_by_label("Person").select_option(label="Alex Turner")
    page.get_by_label("Organisation represented").select_option(label="Home Office")
    _submit(page, "Add member")
    assert "Alex Turner" in page.locator("#members").inner_text()

    _follow(page, "Schedule a meeting")
    page.get_by_label("Date").fill((timezone.localdate() + dt.timedelta(days=14)).isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_label("Place").fill("City Hall, Kamal Chunchie Way, London E16 1ZE")
    _submit(page, "Schedule meeting")
    meeting = Meeting.objects.get(body__short_name="LAG")
    meeting_path = f"/meetings/{meeting.pk}/"
    assert page.url.endswith(meeting_path)

    _follow(page, "Add an agenda item")
    page.get_by_label("Title").fill("Contingency hotels in London")
    page.get_by_label("Presenter").fill("Home Office")
    _submit(page, "Save agenda item")

    # --- A members' paper for the agenda item: uploaded from the item, back to the meeting --
    _follow(page, "Add a paper to item 1")
    assert "Contingency hotels in London" in page.get_by_label("Agenda item").locator("option:checked").inner_text()
    page.get_by_label("Title").fill(PAPER_TITLE)
    page.get_by_label("Upload a file").set_input_files(str(pdf))
    page.get_by_label("Members of the body").check()
    _submit(page, "Upload the paper")
    assert page.url.endswith(meeting_path)
    paper = Paper.objects.get()
    assert (paper.agenda_item.title, paper.meeting, paper.visibility, paper.published_at) == (
        "Contingency hotels in London", meeting, PaperVisibility.MEMBERS, None)
    assert "Not published" in page.locator(f"#agenda-item-{paper.agenda_item_id}").inner_text()

    _follow(page, PAPER_TITLE)
    _submit(page, "Publish")
    paper.refresh_from_db()
    assert paper.published_at is not None
    _follow(page, re.compile(r"^London Asylum Group, \d{1,2} \w+ \d{4}$"), within="main dl")
    assert page.url.endswith(meeting_path)
    assert "Not published" not in page.locator(f"#agenda-item-{paper.agenda_item_id}").inner_text()

    # --- An action recorded from the agenda item, back to the meeting ------------------------
    _follow(page, "Record an action on item 1")
    page.get_by_label("What must be done", exact=False).fill(ACTION)
    page.get_by_label("Owner: a person").select_option(label="Alex Turner (alex@example.org)")
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    _submit(page, "Save the action")
    assert page.url.endswith(meeting_path)
    action = Action.objects.get()
    assert (action.meeting, action.agenda_item.title, action.body.short_name, action.owner_user) == (
        meeting, "Contingency hotels in London", "LAG", member)
    assert ACTION in page.locator("#meeting-actions").inner_text()

    # --- Attendance and minutes ----------------------------------------------------------------
    _follow(page, "Record attendance")
    page.get_by_role("group", name="Alex Turner").get_by_label("Present").check()
    _submit(page, "Save attendance")
    assert "Present" in page.locator("#attendance").inner_text()

    _follow(page, "Write the minutes")
    page.get_by_label("Minutes").fill("The Home Office presented its update on contingency hotels.\n\n"
                                      "Action: Alex Turner to share the list of hotels closing.")
    _submit(page, "Save draft minutes")
    _submit(page, "Approve the minutes")
    assert Minutes.objects.get(meeting=meeting).status == MinutesStatus.APPROVED
    assert ACTION in page.locator("#meeting-actions").inner_text()  # the approved minutes list the action

    # The body page leads to the body's papers and open actions.
    page.goto(body_path)
    assert_accessible(page, "(body page with an open action)")
    assert ACTION in page.locator("#actions").inner_text()
    _follow(page, "Papers of LAG")
    assert PAPER_TITLE in _main(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page, "(signed out)")

    # --- The member: the meeting, the members' paper, the action -------------------------------
    PaperFactory(body=meeting.body, meeting=meeting, agenda_item=paper.agenda_item,
                 visibility=PaperVisibility.RESTRICTED, title="Officers' briefing on hotel sites")
    sign_in(page, "alex@example.org", PASSWORD)
    page.goto("/meetings/mine/")
    assert_accessible(page, "(my meetings)")
    _follow(page, meeting.display_title)
    assert page.url.endswith(meeting_path)
    assert PAPER_TITLE in page.locator(f"#agenda-item-{paper.agenda_item_id}").inner_text()
    assert "Officers' briefing" not in _main(page)  # restricted papers are not listed to members
    assert page.get_by_role("link", name="Record an action", exact=True).count() == 0
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"download {PAPER_TITLE}", exact=True).click()
    download = download_info.value
    assert download.suggested_filename == "Home Office update.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")

    # The menu shows one link per group; "My actions" is a page of the Actions group.
    _follow(page, "Actions", within="nav[aria-label='Menu']")
    _follow(page, "My actions", within="#section-navigation")
    _follow(page, ACTION)
    assert "London Asylum Group" in page.locator("main dl").inner_text()
    _submit(page, "Mark as done")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.completed_on == timezone.localdate()
    _follow(page, "1. Contingency hotels in London", within="main dl")  # the agenda item on the meeting page
    assert page.url.split("#")[0].endswith(meeting_path)
    assert "Done" in page.locator("#meeting-actions").inner_text()
