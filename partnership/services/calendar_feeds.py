"""iCalendar feeds: one per body (public information only) and a personal one per person,
at a secret address they can replace or revoke."""

from django.db import transaction
from icalendar import Calendar, Event

from partnership.models import CalendarFeedToken, MeetingStatus
from partnership.notifications.services.notice_links import meeting_link
from partnership.services.meeting_calendar import meeting_uid


@transaction.atomic
def feed_token_regenerate(*, user) -> CalendarFeedToken:
    """A fresh secret address; the old one stops working at once."""
    CalendarFeedToken.objects.filter(user=user).delete()
    return CalendarFeedToken.objects.create(user=user)


def feed_token_revoke(*, user) -> None:
    CalendarFeedToken.objects.filter(user=user).delete()


def _event(meeting, *, with_online_link: bool) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("summary", ("Cancelled: " if meeting.status == MeetingStatus.CANCELLED else "")
              + f"{meeting.display_title} ({meeting.body.short_name})")
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("dtstamp", meeting.created_at)
    event.add("sequence", meeting.sequence)
    event.add("status", {MeetingStatus.CANCELLED: "CANCELLED", MeetingStatus.POSTPONED: "TENTATIVE"}
              .get(meeting.status, "CONFIRMED"))
    event.add("url", meeting_link(meeting.pk))
    if meeting.location:
        event.add("location", meeting.location)
    description = f"{meeting.body.name}."
    if with_online_link and meeting.online_link:
        description += f"\nJoin online: {meeting.online_link}"
    event.add("description", description)
    return event


def calendar_bytes(meetings, *, name: str, online_links_for_body_ids) -> bytes:
    """online_links_for_body_ids: None for every body, else the ids whose links may be shown."""
    calendar = Calendar()
    calendar.add("prodid", "-//London Strategic Migration Partnership//LSMP portal//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        with_link = online_links_for_body_ids is None or meeting.body_id in online_links_for_body_ids
        calendar.add_component(_event(meeting, with_online_link=with_link))
    return calendar.to_ical()
