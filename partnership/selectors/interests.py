"""Reads of the register of interests: a person's own, and those officers see at a meeting."""

from django.db.models import F

from partnership.models import Interest

from .attendance import expected_at

# Shown at one meeting; a body has a few dozen members with a few interests each.
INTERESTS_AT_MEETING_SHOWN = 200


def interests_of(person):
    """The person's own register, current first, then ended."""
    return (Interest.objects.filter(person=person).select_related("organisation")
            .order_by(F("ended_on").desc(nulls_first=True), "kind", "pk"))


def own_interests(person):
    return Interest.objects.filter(person=person).select_related("organisation")


def interests_at_meeting(meeting):
    """The current registered interests of the people expected at the meeting, by person,
    bounded (officers only: the view checks)."""
    return (Interest.objects.current(on=meeting.local_day).filter(expected_at(meeting, "person_id"))
            .select_related("person", "organisation")
            .order_by("person__full_name", "person__email", "kind", "pk")[:INTERESTS_AT_MEETING_SHOWN])


def interests_concerning(item):
    """Registered interests, standing on the day, of the people expected at the meeting in the
    organisation the agenda item concerns: offered when declarations are recorded on it."""
    if item.organisation_id is None:
        return Interest.objects.none()
    meeting = item.meeting
    return (Interest.objects.current(on=meeting.local_day)
            .filter(expected_at(meeting, "person_id"), organisation_id=item.organisation_id)
            .select_related("person", "organisation").order_by("person__full_name", "pk")
            [:INTERESTS_AT_MEETING_SHOWN])
