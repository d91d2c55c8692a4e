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


def _tab_to_control(page, text, limit=150):
    """Tab (only Tab) until the focused control reads `text`: a link's or button's text, or an
    <input type=submit>'s value."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("(document.activeElement.value || document.activeElement.textContent || '')"
                                ".replace(/\\s+/g, ' ').trim()")
        if focused == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def _tab_to_field(page, name, limit=60):
    """Tab (only Tab) until the field named `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def _next_step(page):
    return page.locator("#next-step").inner_text()


def _only_primary_button(page):
    """The one primary GOV.UK button of the page (a link or a button), by its text."""
    buttons = page.locator("main .govuk-button:not(.govuk-button--secondary):not(.govuk-button--warning)")
    assert buttons.count() == 1, [buttons.nth(i).inner_text() for i in range(buttons.count())]
    return buttons.first.inner_text().strip()


def test_officer_runs_a_meeting_from_one_page_by_keyboard_alone(page):
    """Before, at and after the meeting from its page, by Tab and Enter only, axe on each state;
    the attendance starts from a member's apologies sent in advance, and a registered interest in
    the organisation an item concerns is offered and recorded as declared."""
    from partnership.models import Attendance, AttendanceStatus, Declaration, InterestKind, Membership
    from partnership.services.attendance import attendance_reply
    from partnership.services.interests import interest_add

    gla_officer(email="officer@example.org", full_name="Gail Officer")
    charity = OrganisationFactory(name="Refugee Action Kingston")
    body = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    amina, bo = UserFactory(full_name="Amina Yusuf"), UserFactory(full_name="Bo Brown")
    for person in (amina, bo):
        Membership.objects.create(user=person, body=body, started_on=timezone.localdate() - dt.timedelta(days=30))
    interest_add(person=amina, kind=InterestKind.ROLE, organisation=charity, description="Trustee")
    starts = timezone.now() + dt.timedelta(days=7)
    meeting = Meeting.objects.create(body=body, starts_at=starts, ends_at=starts + dt.timedelta(hours=2),
                                     location="City Hall")
    attendance_reply(meeting=meeting, person=bo, reply="apologies")  # replies in advance
    attendance_reply(meeting=meeting, person=amina, reply="attending")
    sign_in(page, "officer@example.org", PASSWORD)
    url = f"/meetings/{meeting.pk}/"

    # Before: no agenda, so adding one is the next step.
    page.goto(url)
    assert_accessible(page, "(before: no agenda)")
    assert _only_primary_button(page) == "Add an agenda item"
    assert "Mark as held" not in page.locator("main").inner_text()
    _tab_to(page, "Add an agenda item")
    _press_enter(page, "add an agenda item")
    _tab_to_field(page, "title")
    page.keyboard.type("Grant to Refugee Action Kingston")
    _press_enter(page, "before: agenda set")
    item = meeting.agenda_items.get()
    item.organisation = charity  # said on the item form; set here to keep the journey short
    item.save()
    assert _only_primary_button(page) == "Upload a paper"

    # The meeting starts (time passes): recording attendance is next, from the replies.
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5),
                                                 ends_at=timezone.now() + dt.timedelta(hours=1))
    page.goto(url)
    assert_accessible(page, "(at: attendance not recorded)")
    assert _only_primary_button(page) == "Record attendance"
    assert "Sends apologies" in page.locator("#replies").inner_text()
    assert "Trustee" in page.locator("#registered-interests").inner_text()
    _tab_to(page, "Record attendance")
    _press_enter(page, "attendance form")
    assert page.get_by_role("group", name="Bo Brown").get_by_label("Sent apologies").is_checked()
    assert page.get_by_role("group", name="Amina Yusuf").get_by_label("Present").is_checked()
    _tab_to_control(page, "Save attendance")
    _press_enter(page, "at: attendance recorded")
    assert Attendance.objects.get(meeting=meeting, person=bo).status == AttendanceStatus.APOLOGIES

    # A declaration: the register offers Amina's interest in the organisation the item concerns.
    _tab_to(page, "Record a declaration on item 1")
    _press_enter(page, "declaration form")
    assert "From the register of interests" in page.locator("main").inner_text()
    _tab_to(page, "Record as declared by Amina Yusuf")
    _press_enter(page, "declaration recorded")
    assert Declaration.objects.get(agenda_item=item).person == amina

    assert _only_primary_button(page) == "Mark as held"
    _tab_to(page, "Mark as held")
    _press_enter(page, "mark as held confirmation")
    _tab_to(page, "Mark this meeting as held")
    _press_enter(page, "after: held")
    assert _only_primary_button(page) == "Write the minutes"

    _tab_to(page, "Write the minutes")
    _press_enter(page, "minutes form")
    _tab_to_field(page, "text")
    page.keyboard.type("The chair welcomed members.")
    _tab_to_control(page, "Save draft minutes")
    _press_enter(page, "draft minutes")
    _tab_to(page, "Back to the meeting")
    _press_enter(page, "after: draft minutes")
    assert _only_primary_button(page) == "Approve the minutes"
    _tab_to(page, "Approve the minutes")
    _press_enter(page, "after: approved")
    assert page.url.endswith(url) or url in page.url
    assert "Nothing more to do for this meeting" in _next_step(page)
    assert page.locator("main .govuk-button:not(.govuk-button--secondary)").count() == 0

    # The approved minutes are the record: apologies and the declaration, from what was recorded.
    page.goto(f"/meetings/{meeting.pk}/minutes/")
    assert_accessible(page, "(approved minutes)")
    record = page.locator("main").inner_text()
    assert "Bo Brown" in record and "Amina Yusuf: Role in an organisation" in record


def test_a_member_sends_apologies_from_the_reminder_link_without_signing_in(page):
    from partnership.models import AttendanceReply, Membership
    from partnership.services.attendance import reply_token

    body = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    member = UserFactory(full_name="Mo Member")
    Membership.objects.create(user=member, body=body, started_on=timezone.localdate())
    meeting = members_meeting(body)
    token = reply_token(meeting=meeting, person=member, reply="apologies")
    page.goto(f"/meetings/reply/{token}/")
    assert_accessible(page, "(confirm apologies)")
    assert page.locator("h1").inner_text() == "Send your apologies?"
    _tab_to(page, "Send my apologies")
    _press_enter(page, "apologies recorded")
    assert "Reply recorded" in page.locator("main").inner_text()
    assert AttendanceReply.objects.get(meeting=meeting, person=member).reply == "apologies"
    page.goto(f"/meetings/reply/{token[:-4]}AAAA/")
    assert_accessible(page, "(tampered link)")
    assert page.locator("h1").inner_text() == "This link does not work"
