"""Reads about who attended a meeting, who replied before it, and a body's attendance record."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from partnership.models import (
    Attendance,
    AttendanceReply,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    User,
)
from partnership.models.attendance import REPLY_TO_ATTENDANCE


def expected_people(meeting):
    """Members of the body on the day of the meeting, and anyone already recorded."""
    return User.objects.filter(expected_at(meeting)).order_by("full_name", "email")


def expected_at(meeting, person: str = "pk") -> Q:
    """The condition "is expected at the meeting" on a person field (`person`): a member of the
    body on the meeting's day (London time), recorded at it, or replied to it. A condition, not a
    queryset of people, so a query about people's interests filters its own column instead of
    nesting a query of users around these three."""
    member_ids = Membership.objects.at(meeting).values("user_id")
    recorded_ids = Attendance.objects.filter(meeting=meeting).values("person_id")
    replied_ids = AttendanceReply.objects.filter(meeting=meeting).values("person_id")
    return (Q(**{f"{person}__in": member_ids}) | Q(**{f"{person}__in": recorded_ids})
            | Q(**{f"{person}__in": replied_ids}))


def attendance_of(meeting):
    """Who attended or sent apologies, in name order, each with their person."""
    return Attendance.objects.filter(meeting=meeting).select_related("person")


def attendance_statuses(meeting) -> dict[int, str]:
    """person id -> attendance status, as recorded so far."""
    return dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))


def attendance_starting_point(meeting) -> dict[int, str]:
    """What the attendance form starts from: the attendance recorded, and for anyone not yet
    recorded, their reply in advance (will attend: present; apologies: sent apologies)."""
    start = {person_id: REPLY_TO_ATTENDANCE[reply]
             for person_id, reply in AttendanceReply.objects.filter(meeting=meeting).values_list("person_id", "reply")}
    start.update(attendance_statuses(meeting))
    return start


def replies_of(meeting):
    """Members' replies before the meeting, in name order."""
    return AttendanceReply.objects.filter(meeting=meeting).select_related("person").order_by(
        "person__full_name", "person__email")


def reply_of(meeting, user):
    """This user's own reply, or None."""
    if not user.is_authenticated:
        return None
    return AttendanceReply.objects.filter(meeting=meeting, person=user).first()


def is_member_on_the_day(meeting, user) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.at(meeting).filter(user=user).exists()


ATTENDANCE_YEAR = dt.timedelta(days=365)
# A body that met weekly would still list a year; beyond this many meetings the oldest are left out.
ATTENDANCE_MEETINGS_COUNTED = 60


def meetings_counted(body, *, now=None):
    """The body's held meetings of the last year, newest first, at most ATTENDANCE_MEETINGS_COUNTED."""
    now = now or timezone.now()
    return (Meeting.objects.filter(body=body, status=MeetingStatus.HELD, starts_at__gte=now - ATTENDANCE_YEAR,
                                   starts_at__lte=now).order_by("-starts_at", "-pk")[:ATTENDANCE_MEETINGS_COUNTED])


def body_attendance(body, *, now=None):
    """Each current member's attendance at the body's held meetings of the last year: a queryset
    of memberships (to be paged) annotated with present, apologies and absent counts, and the
    number of meetings counted. One query for the rows, whatever their number."""
    meeting_ids = list(meetings_counted(body, now=now).values_list("pk", flat=True))
    counted = Q(user__attendances__meeting_id__in=meeting_ids)

    def count(status):
        return Count("user__attendances", filter=counted & Q(user__attendances__status=status))

    memberships = (Membership.objects.current().filter(body=body).select_related("user", "organisation")
                   .annotate(present=count(AttendanceStatus.PRESENT), apologies=count(AttendanceStatus.APOLOGIES),
                             absent=count(AttendanceStatus.ABSENT))
                   .order_by("user__full_name", "user__email", "pk"))
    return memberships, len(meeting_ids)


def reply_person(person_id):
    """The person a signed reply link names, while their account is active; else None."""
    return User.objects.filter(pk=person_id, is_active=True).first()
