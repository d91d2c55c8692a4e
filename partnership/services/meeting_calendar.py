"""The .ics file sent with meeting notices (RFC 5545/5546, via the icalendar library).

One UID per meeting for its whole life, SEQUENCE = meeting.sequence (the meeting service
raises it on every change), so a calendar replaces the old event instead of adding a second
one; METHOD:CANCEL with STATUS:CANCELLED removes it. Times are written in Europe/London with
a VTIMEZONE that states the UK rule (BST from 01:00 GMT on the last Sunday of March, GMT from
02:00 BST on the last Sunday of October), so they stay right across the clock changes in any
year, not just those a generated list of dates happens to cover."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vText

from partnership.notifications.services.notice_links import meeting_link

LONDON = ZoneInfo("Europe/London")
ICS_MIMETYPE = "text/calendar"


# Fixed, not taken from PORTAL_BASE_URL or the request: a meeting keeps one UID for its whole
# life even if the portal moves to another address, and the emailed invitations and the
# calendar feeds (services/calendar_feeds.py) give the same UID, so a calendar that has both
# holds one event, not two.
UID_DOMAIN = "lsmp-portal"


def meeting_uid(meeting) -> str:
    """The iCalendar UID of a meeting, in emailed .ics files and in every feed."""
    return f"lsmp-meeting-{meeting.pk}@{UID_DOMAIN}"


def meeting_ics(*, meeting, recipient_email: str, cancel: bool = False) -> tuple[str, str, str]:
    """(filename, content, mimetype) for notification_enqueue(attachment=...)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Greater London Authority//LSMP portal//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")

    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(LONDON))
    event.add("dtend", meeting.ends_at.astimezone(LONDON))
    event.add("summary", meeting.display_title)
    where = meeting.location or ("Online" if meeting.online_link else "")
    if where:
        event.add("location", where)
    if meeting.online_link:
        event.add("url", meeting.online_link)
    event.add("description", meeting_link(meeting.pk))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{_address(settings.DEFAULT_FROM_EMAIL)}")
    organizer.params["cn"] = vText("LSMP secretariat")
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{recipient_email}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    calendar.add_component(london_vtimezone())
    calendar.add_component(event)
    return f"meeting-{meeting.pk}.ics", calendar.to_ical().decode(), ICS_MIMETYPE


def london_vtimezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", "Europe/London")
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("dtstart", datetime(1981, 3, 29, 1, 0))
    summer.add("tzoffsetfrom", timedelta(hours=0))
    summer.add("tzoffsetto", timedelta(hours=1))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("dtstart", datetime(1996, 10, 27, 2, 0))
    winter.add("tzoffsetfrom", timedelta(hours=1))
    winter.add("tzoffsetto", timedelta(hours=0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _address(from_email: str) -> str:
    return from_email.rsplit("<", 1)[-1].rstrip(">").strip()
