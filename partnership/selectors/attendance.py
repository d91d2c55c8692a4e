"""Reads about who attended a meeting."""

from django.db.models import Q
from django.utils import timezone

from partnership.models import Attendance, Membership, User


def expected_people(meeting):
    """Members of the body on the day of the meeting, and anyone already recorded."""
    on = timezone.localtime(meeting.starts_at).date()
    member_ids = Membership.objects.current(on=on).filter(body=meeting.body).values("user_id")
    recorded_ids = Attendance.objects.filter(meeting=meeting).values("person_id")
    return User.objects.filter(Q(pk__in=member_ids) | Q(pk__in=recorded_ids)).order_by("full_name", "email")


def attendance_of(meeting):
    """Who attended or sent apologies, in name order, each with their person."""
    return Attendance.objects.filter(meeting=meeting).select_related("person")


def attendance_statuses(meeting) -> dict[int, str]:
    """person id -> attendance status, as recorded so far."""
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
