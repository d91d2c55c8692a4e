"""Papers and actions in a real browser, each page checked with axe."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import Action, Paper, PaperVisibility
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import (
    PASSWORD,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
    gla_officer,
)


def test_a_member_signs_in_and_downloads_a_members_paper(page):
    mrap = BodyFactory(short_name="MRAP", name="Migrant and Refugee Advisory Panel")
    member = UserFactory(email="member@example.org", full_name="Daniel Mensah")
    MembershipFactory(user=member, body=mrap)
    meeting = MeetingFactory(body=mrap, starts_at=timezone.now() - dt.timedelta(days=3))
    PaperFactory(body=mrap, meeting=meeting, visibility=PaperVisibility.MEMBERS,
                 title="Lead representatives' report", original_filename="Lead representatives' report.pdf")
    PaperFactory(body=BodyFactory(short_name="HMAP"), visibility=PaperVisibility.MEMBERS, title="HMAP only")

    sign_in(page, member.email, PASSWORD)
    # Papers is a page of the menu's Meetings group: the section's links lead there.
    with page.expect_navigation():
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Meetings").click()
    assert_accessible(page, "(meetings)")
    with page.expect_navigation():
        page.get_by_role("link", name="Papers", exact=True).click()
    assert_accessible(page, "(papers list)")
    assert page.get_by_text("HMAP only").count() == 0
    with page.expect_navigation():
        page.get_by_role("link", name="Lead representatives' report", exact=True).click()
    assert_accessible(page, "(paper page)")
    with page.expect_download() as download_info:
        page.locator("main").get_by_role("link", name="Download").click()
    download = download_info.value
    assert download.suggested_filename == "Lead representatives' report.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def test_an_officer_records_an_action_and_the_owner_marks_it_done(page):
    mrap = BodyFactory(short_name="MRAP", name="Migrant and Refugee Advisory Panel")
    officer = gla_officer(email="officer@example.org", full_name="Priya Shah")
    owner = UserFactory(email="member@example.org", full_name="Daniel Mensah")
    MembershipFactory(user=owner, body=mrap)
    meeting = MeetingFactory(body=mrap, starts_at=timezone.now() - dt.timedelta(days=1))
    due = timezone.localdate() + dt.timedelta(days=14)

    sign_in(page, officer.email, PASSWORD)
    page.goto(f"/actions/new/?meeting={meeting.pk}")
    assert_accessible(page, "(record an action)")
    # Bad input first: a due date in 1900 gets a message, and what was typed stays.
    page.get_by_label("What must be done", exact=False).fill("Gather views on the ESOL Plus Childcare round")
    page.get_by_label("Owner: a person").select_option(label=f"Daniel Mensah ({owner.email})")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("1900")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the action").click()
    assert_accessible(page, "(due date error)")
    assert "The due date must be between 1 January 2000" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("What must be done", exact=False).input_value().startswith("Gather views")
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    with page.expect_navigation():
        page.get_by_role("button", name="Save the action").click()
    assert_accessible(page, "(action page)")
    action = Action.objects.get()
    assert action.meeting == meeting and action.owner_user == owner

    with page.expect_navigation():
        page.get_by_role("link", name="Add an update").click()
    assert_accessible(page, "(add an update)")
    page.get_by_label("Update").fill("Two of the four lead representatives have replied.")
    page.get_by_label("In progress").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Add the update").click()
    assert_accessible(page, "(action page after the update)")
    assert "Two of the four lead representatives have replied." in page.locator("main").inner_text()

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page, "(signed out)")
    sign_in(page, owner.email, PASSWORD)
    with page.expect_navigation():
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Actions").click()
    assert_accessible(page, "(actions)")
    with page.expect_navigation():
        page.get_by_role("link", name="My actions").click()
    assert_accessible(page, "(my actions)")
    with page.expect_navigation():
        page.get_by_role("link", name="Gather views on the ESOL Plus Childcare round", exact=True).click()
    assert_accessible(page, "(the owner's view of the action)")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as done").click()
    assert_accessible(page, "(done)")
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on == timezone.localdate()
    with page.expect_navigation():
        page.get_by_role("link", name="History of changes to this action").click()
    assert_accessible(page, "(history)")
    assert "Daniel Mensah" in page.locator("main").inner_text()


def test_an_officer_uploads_a_paper_and_filters_actions(page, tmp_path):
    mrap = BodyFactory(short_name="MRAP", name="Migrant and Refugee Advisory Panel")
    officer = gla_officer(email="officer@example.org", full_name="Priya Shah")
    renamed = tmp_path / "minutes.pdf"
    renamed.write_bytes(b"MZ\x90\x00" + b"\x00" * 300)
    real = tmp_path / "Board paper.pdf"
    real.write_bytes(minimal_pdf("Board paper"))

    sign_in(page, officer.email, PASSWORD)
    page.goto(f"/papers/upload/?body={mrap.pk}")
    assert_accessible(page, "(upload)")
    page.get_by_label("Title").fill("Move-on period: a briefing")
    page.get_by_label("Upload a file").set_input_files(str(renamed))
    with page.expect_navigation():
        page.get_by_role("button", name="Upload the paper").click()
    assert_accessible(page, "(upload error)")
    assert "its content is not a PDF file" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Title").input_value() == "Move-on period: a briefing"
    page.get_by_label("Upload a file").set_input_files(str(real))
    page.get_by_label("Publish it now").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Upload the paper").click()
    assert_accessible(page, "(paper page)")
    assert Paper.objects.get().published_at is not None

    with page.expect_navigation():
        page.get_by_role("link", name="Actions", exact=True).click()
    assert_accessible(page, "(actions list)")
    page.get_by_label("Due on or after").fill("1900-01-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply filters").click()
    assert_accessible(page, "(filtered actions)")
