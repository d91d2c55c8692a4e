"""A GLA officer runs a body from creation to approved minutes, and the public reads the
bodies and the calendar; axe checks every page."""

import datetime as dt

from django.utils import timezone

from partnership.models import Body, Meeting, Minutes, MinutesStatus
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.meetings import ONLINE_LINK, MinutesFactory, members_meeting
from tests.factories.partnership import PASSWORD, BodyFactory, OrganisationFactory, UserFactory, gla_officer


def _submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()
    assert_accessible(page, f"(after {name})")


def _follow(page, name):
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).click()
    assert_accessible(page, f"({name})")


def _tab_to(page, text, limit=150):
    """Presses Tab (only Tab) until the focused link or button reads `text` (hidden text too)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
        if focused == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def _press_enter(page, what):
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, f"({what})")


def test_officer_runs_a_body_from_creation_to_approved_minutes(page):
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    OrganisationFactory(name="Home Office")
    UserFactory(full_name="Alex Turner", email="alex@example.org")
    sign_in(page, "officer@example.org", PASSWORD)

    page.goto("/bodies/")
    assert_accessible(page, "(bodies)")
    _follow(page, "Add a body")
    _submit(page, "Save body")  # empty: the error summary, nothing lost
    assert page.title().startswith("Error: ")
    page.get_by_label("Name", exact=True).fill("London Asylum Group")
    page.get_by_label("Short name").fill("LAG")
    page.get_by_label("Kind").select_option(label="Group")
    page.get_by_label("Purpose").fill("Helps secure improvements to asylum support in London.")
    page.get_by_label("Chair", exact=True).fill("GLA Migration Team")
    page.get_by_label("Cadence").select_option(label="Every two months")
    _submit(page, "Save body")
    assert page.locator("h1").inner_text() == "London Asylum Group"

    _follow(page, "Add a member")
    page.get_by_label("Person").select_option(label="Alex Turner")
    page.get_by_label("Organisation represented").select_option(label="Home Office")
    _submit(page, "Add member")
    assert "Alex Turner" in page.locator("#members").inner_text()

    _follow(page, "Schedule a meeting")
    day = timezone.localdate() + dt.timedelta(days=21)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("12:00")
    page.get_by_label("End time").fill("10:00")
    page.get_by_label("Place").fill("City Hall, Kamal Chunchie Way, London E16 1ZE")
    page.get_by_label("Online meeting link (optional)").fill(ONLINE_LINK)
    _submit(page, "Schedule meeting")
    assert "The end time must be after the start time" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Place").input_value().startswith("City Hall")  # nothing typed is lost
    page.get_by_label("End time").fill("13:30")
    _submit(page, "Schedule meeting")
    meeting = Meeting.objects.get(body__short_name="LAG")

    for title, presenter in [("Added by mistake", "Chair"), ("Contingency hotels in London", "Home Office"),
                             ("Welcome and apologies", "Chair")]:
        _follow(page, "Add an agenda item")
        page.get_by_label("Title").fill(title)
        page.get_by_label("Presenter").fill(presenter)
        _submit(page, "Save agenda item")
    _submit(page, "Move up item 3")

    # Removing item 1, by keyboard alone: the confirmation, then the agenda closes up.
    _tab_to(page, "Remove item 1")
    _press_enter(page, "remove confirmation")
    assert page.locator("h1").inner_text() == "Are you sure you want to remove agenda item 1: Added by mistake?"
    _tab_to(page, "Remove agenda item 1")
    _press_enter(page, "after removing")
    assert "Agenda item 1 removed: Added by mistake." in page.locator(".govuk-notification-banner").inner_text()
    assert "Added by mistake" not in page.locator("#agenda + ol").inner_text()
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Welcome and apologies", "Contingency hotels in London"]

    _follow(page, "Record attendance")
    page.get_by_role("group", name="Alex Turner").get_by_label("Sent apologies").check()
    _submit(page, "Save attendance")
    assert "Sent apologies" in page.locator("#attendance").inner_text()

    _follow(page, "Write the minutes")
    page.get_by_label("Minutes").fill("The chair welcomed members.\n\nApologies from Alex Turner.")
    _submit(page, "Save draft minutes")
    assert "Draft" in page.locator("h1").inner_text()
    _submit(page, "Approve the minutes")
    assert "Approved" in page.locator("h1").inner_text()
    assert page.get_by_role("button", name="Approve the minutes").count() == 0
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == MinutesStatus.APPROVED

    page.goto(f"/meetings/{meeting.pk}/history/")
    assert_accessible(page, "(history)")
    assert "Gail Officer" in page.locator("main").inner_text()


def test_public_bodies_and_calendar_without_online_links(page):
    board = BodyFactory(name="London Strategic Migration Partnership board", short_name="LSMP",
                        membership_is_public=True, minutes_are_public=True,
                        purpose="Strategic leadership on migration and integration in London.")
    panel = BodyFactory(name="Homeless Migrants Advisory Panel", short_name="HMAP")
    upcoming = members_meeting(board)
    members_meeting(panel, starts_at=timezone.now() + dt.timedelta(days=40))
    past = members_meeting(board, starts_at=timezone.now() - dt.timedelta(days=30))
    MinutesFactory(meeting=past, approved=True, text="The board agreed its workplan.")

    page.goto("/bodies/")
    assert_accessible(page, "(bodies)")
    assert "Strategic leadership on migration" in page.locator("main").inner_text()
    page.goto("/meetings/")
    assert_accessible(page, "(calendar)")
    assert page.locator("main").get_by_text("HMAP").count() >= 1
    assert ONLINE_LINK not in page.content()
    with page.expect_navigation():
        page.get_by_role("link", name="LSMP").first.click()
    assert_accessible(page, "(body page)")
    assert ONLINE_LINK not in page.content()
    page.goto(f"/meetings/{upcoming.pk}/")
    assert_accessible(page, "(meeting page)")
    assert ONLINE_LINK not in page.content()
    page.goto(f"/meetings/{past.pk}/minutes/")
    assert_accessible(page, "(public minutes)")
    assert "The board agreed its workplan." in page.locator("main").inner_text()
    assert Body.objects.count() == 2


def test_member_finds_their_meeting_link_and_calendar_address(page):
    panel = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    member = UserFactory(email="member@example.org", full_name="Mo Member")
    from tests.factories.partnership import MembershipFactory

    MembershipFactory(user=member, body=panel)
    meeting = members_meeting(panel)
    sign_in(page, "member@example.org", PASSWORD)
    assert "Migrant and Refugee Advisory Panel" in page.locator("main").inner_text()  # dashboard panel
    page.goto("/meetings/mine/")
    assert_accessible(page, "(my meetings)")
    _follow(page, meeting.display_title)
    _follow(page, "How to join online (members only)")
    assert ONLINE_LINK in page.locator("main").inner_text()
    page.goto("/calendar/")
    assert_accessible(page, "(calendar feed)")
    _submit(page, "Create my calendar address")
    address = page.get_by_label("Your secret calendar address").input_value()
    assert address.endswith(".ics") and member.calendar_feed_token.token in address
    _submit(page, "Revoke the address")
    assert page.get_by_role("button", name="Create my calendar address").is_visible()
