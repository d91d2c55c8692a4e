"""Meetings in the browser's terms: who sees what, bad input, approved minutes, calendars."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from partnership.models import AgendaItem, Body, Meeting, MeetingStatus, Minutes, MinutesStatus, Organisation
from partnership.services.meeting_calendar import meeting_ics
from tests.factories.meetings import ONLINE_LINK, CalendarFeedTokenFactory, MinutesFactory, members_meeting
from tests.factories.partnership import MembershipFactory


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


# --- Online links and the members' side ------------------------------------------------------

def test_anonymous_never_sees_online_links(world, client):
    meeting = members_meeting(world.mrap)
    for url in [reverse("partnership:meeting_calendar"), reverse("partnership:body_list"),
                reverse("partnership:body_detail", args=[world.mrap.pk]),
                reverse("partnership:meeting_detail", args=[meeting.pk]),
                reverse("partnership:body_calendar", args=[world.mrap.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert ONLINE_LINK not in response.content.decode(), url
    assert client.get(reverse("partnership:meeting_joining", args=[meeting.pk])).status_code == 302


def test_members_see_their_own_bodys_link_but_not_another(world, client_for):
    mrap_meeting, hmap_meeting = members_meeting(world.mrap), members_meeting(world.hmap)
    client = client_for(world.users["panel_member"])
    assert ONLINE_LINK in client.get(reverse("partnership:meeting_joining", args=[mrap_meeting.pk])).content.decode()
    page = client.get(reverse("partnership:meeting_detail", args=[hmap_meeting.pk])).content.decode()
    assert ONLINE_LINK not in page
    assert reverse("partnership:meeting_joining", args=[hmap_meeting.pk]) not in page
    assert client.get(reverse("partnership:meeting_joining", args=[hmap_meeting.pk])).status_code == 404


def test_body_members_are_public_only_when_the_body_says_so(world, client):
    Body.objects.filter(pk=world.mrap.pk).update(membership_is_public=False)
    assert "Mo Member" not in client.get(reverse("partnership:body_detail", args=[world.mrap.pk])).content.decode()
    Body.objects.filter(pk=world.mrap.pk).update(membership_is_public=True)
    assert "Mo Member" in client.get(reverse("partnership:body_detail", args=[world.mrap.pk])).content.decode()


def test_matters_arising_are_the_bodys_open_actions_for_members_only(world, client_for):
    from tests.factories.partnership import ActionFactory

    meeting = members_meeting(world.mrap)
    ActionFactory(body=world.mrap, description="Circulate the ESOL mapping")
    ActionFactory(body=world.mrap, description="Closed one", status="dropped")
    ActionFactory(body=world.hmap, description="Another body's action")
    url = reverse("partnership:meeting_detail", args=[meeting.pk])
    page = client_for(world.users["panel_member"]).get(url).content.decode()
    assert "Circulate the ESOL mapping" in page
    assert "Closed one" not in page and "Another body&#x27;s action" not in page
    assert "Circulate the ESOL mapping" not in client_for(None).get(url).content.decode()


def test_cancelled_meetings_stay_listed_as_cancelled(world, client_for):
    meeting = members_meeting(world.mrap)
    response = client_for(world.users["gla_officer"]).post(reverse("partnership:meeting_cancel", args=[meeting.pk]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    page = client_for(None).get(reverse("partnership:meeting_calendar")).content.decode()
    assert reverse("partnership:meeting_detail", args=[meeting.pk]) in page and "Cancelled" in page


# --- Calendars ---------------------------------------------------------------------------------

def test_body_feed_has_public_information_only(world, client):
    meeting = members_meeting(world.mrap)
    events = _events(client.get(reverse("partnership:body_calendar", args=[world.mrap.pk])))
    assert [str(e["uid"]) for e in events] == [f"lsmp-meeting-{meeting.pk}@lsmp-portal"]
    assert ONLINE_LINK not in events[0].to_ical().decode()


def test_personal_feed_shows_nothing_of_other_bodies(world, client):
    mine, theirs = members_meeting(world.mrap, title="MRAP meets"), members_meeting(world.hmap, title="HMAP meets")
    feed = CalendarFeedTokenFactory(user=world.users["panel_member"])
    content = client.get(reverse("partnership:personal_feed", args=[feed.token]))
    uids = {str(e["uid"]) for e in _events(content)}
    assert uids == {f"lsmp-meeting-{mine.pk}@lsmp-portal"}
    text = content.content.decode()
    assert "HMAP" not in text and theirs.title not in text
    assert ONLINE_LINK in text.replace("\r\n ", "")  # their own body's link, for them


def test_a_meeting_has_the_same_uid_in_emailed_invitations_and_in_feeds(world, client, settings):
    """Someone who subscribes to a feed and accepts an emailed invitation must see one event.
    The UID does not follow the portal's address, so moving the portal changes no UID."""
    meeting = members_meeting(world.mrap)
    member = world.users["panel_member"]
    feed = CalendarFeedTokenFactory(user=member)
    for base_url in ("http://127.0.0.1:8000", "https://lsmp.example.org"):
        settings.PORTAL_BASE_URL = base_url
        emailed = Calendar.from_ical(meeting_ics(meeting=meeting, recipient_email=member.email)[1])
        emailed_uid = str(emailed.walk("VEVENT")[0]["uid"])
        personal = _events(client.get(reverse("partnership:personal_feed", args=[feed.token])))
        body_feed = _events(client.get(reverse("partnership:body_calendar", args=[world.mrap.pk])))
        assert [str(e["uid"]) for e in personal] == [str(e["uid"]) for e in body_feed] == [emailed_uid]
        assert emailed_uid == f"lsmp-meeting-{meeting.pk}@lsmp-portal"


def test_borough_officer_feed_is_empty_and_officer_feed_has_everything(world, client):
    members_meeting(world.mrap), members_meeting(world.hmap)
    borough_feed = CalendarFeedTokenFactory(user=world.users["borough_a"])
    assert _events(client.get(reverse("partnership:personal_feed", args=[borough_feed.token]))) == []
    officer_feed = CalendarFeedTokenFactory(user=world.users["gla_officer"])
    assert len(_events(client.get(reverse("partnership:personal_feed", args=[officer_feed.token])))) == 2


def test_feed_address_can_be_replaced_and_revoked(world, client_for):
    client = client_for(world.users["panel_member"])
    client.post(reverse("partnership:feed_settings"), {"action": "regenerate"})
    first = world.users["panel_member"].calendar_feed_token.token
    assert first in client.get(reverse("partnership:feed_settings")).content.decode()
    client.post(reverse("partnership:feed_settings"), {"action": "regenerate"})
    world.users["panel_member"].refresh_from_db()
    second = world.users["panel_member"].calendar_feed_token.token
    assert second != first
    assert client.get(reverse("partnership:personal_feed", args=[first])).status_code == 404
    assert client.get(reverse("partnership:personal_feed", args=[second])).status_code == 200
    client.post(reverse("partnership:feed_settings"), {"action": "revoke"})
    assert client.get(reverse("partnership:personal_feed", args=[second])).status_code == 404


def test_feed_marks_cancelled_meetings_and_carries_the_sequence(world, client):
    meeting = members_meeting(world.mrap)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED, sequence=3)
    [event] = _events(client.get(reverse("partnership:body_calendar", args=[world.mrap.pk])))
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 3


# --- Approved minutes through the views --------------------------------------------------------

def test_editing_approved_minutes_is_refused(world, client_for):
    minutes = MinutesFactory(meeting=members_meeting(world.mrap), approved=True, text="Agreed.")
    client = client_for(world.users["gla_officer"])
    url = reverse("partnership:minutes_edit", args=[minutes.meeting_id])
    response = client.post(url, {"text": "Changed after approval."}, follow=True)
    assert "approved and can no longer be changed" in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.text == "Agreed."


def test_officer_writes_then_approves_minutes(world, client_for):
    meeting = members_meeting(world.mrap)
    client = client_for(world.users["gla_officer"])
    client.post(reverse("partnership:minutes_edit", args=[meeting.pk]), {"text": "Draft."})
    client.post(reverse("partnership:minutes_approve", args=[meeting.pk]))
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_by == world.users["gla_officer"]
    history = client.get(reverse("partnership:meeting_history", args=[meeting.pk])).content.decode()
    assert "Gail Officer" in history and "Status: draft → approved" in history


class _TableCells(HTMLParser):
    """The text of each body cell of the page's first table, row by row."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.tables = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables += 1
        elif self.tables == 1 and tag == "tr":
            self.rows.append([])
        elif self.tables == 1 and tag == "td":
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _first_table_rows(html):
    parser = _TableCells()
    parser.feed(html)
    return [row for row in parser.rows if row]  # the header row has no td


def test_the_history_page_shows_who_rescheduled_and_cancelled_a_meeting_when_and_what_changed(world, client_for):
    start = timezone.make_aware(dt.datetime(2027, 3, 2, 10, 0))
    meeting = members_meeting(world.mrap, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                              location="City Hall")
    officer = client_for(world.users["gla_officer"])
    response = officer.post(reverse("partnership:meeting_reschedule", args=[meeting.pk]), {
        "date": "2027-03-09", "start_time": "14:00", "end_time": "16:00", "title": meeting.title,
        "location": "Union Street", "online_link": ONLINE_LINK})
    assert response.status_code == 302
    assert officer.post(reverse("partnership:meeting_cancel", args=[meeting.pk])).status_code == 302

    rendered = officer.get(reverse("partnership:meeting_history", args=[meeting.pk]))
    rows = _first_table_rows(rendered.content.decode())
    cancelled, rescheduled, created = meeting.history.order_by("-history_date", "-history_id")

    def when(record):
        return f"{timezone.localtime(record.history_date):%-d %b %Y, %H:%M:%S}"

    assert len(rows) == 3
    assert rows[0][:2] == [when(cancelled), "Gail Officer"]
    assert "Status: scheduled → cancelled" in rows[0][2]
    assert rows[1][:2] == [when(rescheduled), "Gail Officer"]
    assert "Start: 2 March 2027, 10:00 → 9 March 2027, 14:00" in rows[1][2]
    assert "End: 2 March 2027, 12:00 → 9 March 2027, 16:00" in rows[1][2]
    assert "Place: City Hall → Union Street" in rows[1][2]
    assert rows[2][1:] == ["The system", "created"]


# --- Bad input ---------------------------------------------------------------------------------

LONG = "x" * 20_000


@pytest.mark.parametrize(("data", "message"), [
    ({"date": "2027-03-02", "start_time": "12:00", "end_time": "10:00"}, "The end time must be after the start time"),
    ({"date": "1900-03-02", "start_time": "10:00", "end_time": "12:00"}, "Enter a date between 2000"),
    ({"date": "2027-03-02", "start_time": "10:00", "end_time": "12:00", "title": LONG},
     "The meeting&#x27;s title must be 200 characters or fewer"),
    ({"date": "not a date", "start_time": "25:99", "end_time": ""}, "The meeting&#x27;s date must be a real date"),
    ({"date": "not a date", "start_time": "25:99", "end_time": ""},
     "The meeting&#x27;s start time must be a real time"),
    ({"date": "2027-03-02", "start_time": "10:00", "end_time": "12:00", "location": "",
      "online_link": "javascript:alert(1)"}, "Enter the meeting&#x27;s online meeting link in the correct format"),
])
def test_bad_meeting_input_gets_a_clear_message(world, client_for, data, message):
    client = client_for(world.users["gla_officer"])
    payload = {"location": "City Hall", **data}
    response = client.post(reverse("partnership:meeting_create", args=[world.mrap.pk]), payload)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "govuk-error-summary" in page
    assert "<title>Error: " in page
    assert not Meeting.objects.exists()


def test_an_empty_schedule_form_names_each_missing_field(world, client_for):
    """GOV.UK style: every message says which field, never "This field is required."."""
    client = client_for(world.users["gla_officer"])
    response = client.post(reverse("partnership:meeting_create", args=[world.mrap.pk]), {})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required" not in page
    for message in ("Enter the meeting&#x27;s date", "Enter the meeting&#x27;s start time",
                    "Enter the meeting&#x27;s end time", "Enter a place or an online meeting link."):
        # Once in the error summary and once beside the field.
        assert page.count(message) == 2, message
    assert not Meeting.objects.exists()


def test_bad_reschedule_input_keeps_the_meeting(world, client_for):
    meeting = members_meeting(world.mrap)
    response = client_for(world.users["gla_officer"]).post(
        reverse("partnership:meeting_reschedule", args=[meeting.pk]),
        {"date": "2027-03-02", "start_time": "12:00", "end_time": "11:00", "location": "City Hall"})
    assert "The end time must be after the start time" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).sequence == 0


@pytest.mark.parametrize(("url_name", "data", "message"), [
    ("partnership:body_create", {"name": LONG, "short_name": "X", "kind": "panel", "purpose": "p",
                                 "cadence": "quarterly"}, "The body&#x27;s name must be 200 characters or fewer"),
    ("partnership:body_create", {"name": "A body", "short_name": "X", "kind": "panel", "purpose": LONG,
                                 "cadence": "quarterly"}, "The body&#x27;s purpose must be 5000 characters or fewer"),
    ("partnership:organisation_create", {"name": LONG, "kind": "civil_society"},
     "The organisation&#x27;s name must be 200 characters or fewer"),
    ("partnership:organisation_create", {"name": "Camden again", "kind": "borough", "gss_code": ""},
     "Enter the borough"),
    ("partnership:organisation_create", {"name": "A charity", "kind": "civil_society", "gss_code": "E09000999"},
     "Only London boroughs"),
])
def test_bad_body_and_organisation_input(world, client_for, url_name, data, message):
    before = (Body.objects.count(), Organisation.objects.count())
    response = client_for(world.users["gla_officer"]).post(reverse(url_name), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert (Body.objects.count(), Organisation.objects.count()) == before


def test_long_agenda_item_title_and_membership_dates(world, client_for):
    client = client_for(world.users["gla_officer"])
    meeting = members_meeting(world.mrap)
    response = client.post(reverse("partnership:agenda_item_create", args=[meeting.pk]), {"title": LONG})
    assert "The agenda item&#x27;s title must be 300 characters or fewer" in response.content.decode()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
    membership = MembershipFactory(body=world.hmap, started_on=timezone.localdate())
    response = client.post(reverse("partnership:membership_end", args=[membership.pk]),
                           {"ended_on": str(timezone.localdate() - dt.timedelta(days=3))})
    assert "must be on or after the start date" in response.content.decode()
    response = client.post(reverse("partnership:membership_create", args=[world.hmap.pk]),
                           {"user": membership.user_id, "role": "member", "started_on": "1900-01-01"})
    assert "Enter a date between 2000" in response.content.decode()
    response = client.post(reverse("partnership:membership_create", args=[world.hmap.pk]),
                           {"user": membership.user_id, "role": "member", "started_on": str(timezone.localdate())})
    assert "is already a member of HMAP" in response.content.decode()


def test_officer_schedules_in_london_time(world, client_for):
    response = client_for(world.users["gla_officer"]).post(
        reverse("partnership:meeting_create", args=[world.mrap.pk]),
        {"date": "2027-07-06", "start_time": "10:00", "end_time": "12:00", "location": "City Hall"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    # 10:00 in London in July is 09:00 UTC (British Summer Time).
    assert meeting.starts_at == dt.datetime(2027, 7, 6, 9, 0, tzinfo=dt.UTC)


def test_officer_edits_a_person_but_a_borough_officer_keeps_a_borough(world, client_for):
    client = client_for(world.users["gla_officer"])
    member = world.users["panel_member"]
    response = client.post(reverse("partnership:person_edit", args=[member.pk]),
                           {"full_name": "Mo Member-Smith", "job_title": "Director", "is_active": "on"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Mo Member-Smith" and member.is_active
    camden_officer = world.users["borough_a"]
    response = client.post(reverse("partnership:person_edit", args=[camden_officer.pk]),
                           {"full_name": "Cam Officer", "organisation": "", "is_active": "on"})
    assert "must belong to a London borough" in response.content.decode()
    camden_officer.refresh_from_db()
    assert camden_officer.organisation == world.camden


def test_upcoming_meetings_panel_and_page_obey_scope(world, client_for):
    mrap_meeting = members_meeting(world.mrap, title="MRAP spring meeting")
    members_meeting(world.hmap, title="HMAP spring meeting")
    member_dashboard = client_for(world.users["panel_member"]).get(reverse("dashboard")).content.decode()
    assert "MRAP spring meeting" in member_dashboard and "HMAP spring meeting" not in member_dashboard
    assert reverse("partnership:meeting_detail", args=[mrap_meeting.pk]) in member_dashboard
    borough = client_for(world.users["borough_a"])
    assert "No upcoming meetings" in borough.get(reverse("dashboard")).content.decode()
    assert "spring meeting" not in borough.get(reverse("partnership:my_meetings")).content.decode()
    officer_page = client_for(world.users["gla_officer"]).get(reverse("partnership:my_meetings")).content.decode()
    assert "MRAP spring meeting" in officer_page and "HMAP spring meeting" in officer_page


def test_people_list_names_roles(world, client_for):
    page = client_for(world.users["gla_officer"]).get(reverse("partnership:person_list")).content.decode()
    assert "GLA officer" in page and "Borough officer" in page and "Superuser" in page


def test_a_feed_holds_the_last_year_and_what_is_to_come_nearest_first_and_bounded(world, client, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    from partnership.models import Meeting
    from partnership.selectors import meetings as meeting_select
    from tests.factories.partnership import MeetingFactory

    now = timezone.now()
    days = [-500, -300, -2, 1, 3, 40]  # two years ago is out; the rest in date order
    made = {day: MeetingFactory(body=world.mrap, starts_at=now + dt.timedelta(days=day),
                                ends_at=now + dt.timedelta(days=day, hours=2)) for day in days}
    body_feed = reverse("partnership:body_calendar", args=[world.mrap.pk])

    def uids():
        return [str(e["uid"]) for e in _events(client.get(body_feed))]

    assert uids() == [f"lsmp-meeting-{made[day].pk}@lsmp-portal" for day in days[1:]]
    monkeypatch.setattr(meeting_select, "FEED_SHOWN", 2)  # at most 2 past and 2 to come, nearest now
    assert uids() == [f"lsmp-meeting-{made[day].pk}@lsmp-portal" for day in (-300, -2, 1, 3)]
    assert Meeting.objects.filter(body=world.mrap).count() == len(days)
