"""Reads for a round's progress paper: the LSMP board and its meetings still to come."""

from django.db.models import QuerySet
from django.utils import timezone

from partnership.models import Body, Meeting, MeetingStatus

from ..models import ProgressPaper, Round

# The LSMP board is the body with this short name (partnership's demo and the real board).
LSMP_BOARD = "LSMP"


def lsmp_board() -> Body | None:
    return Body.objects.filter(short_name=LSMP_BOARD).first()


def board_meetings() -> QuerySet:
    """Meetings of the LSMP board a paper can go to: those still to come (and not cancelled)."""
    return (Meeting.objects.filter(body__short_name=LSMP_BOARD, starts_at__gte=timezone.now())
            .exclude(status=MeetingStatus.CANCELLED).select_related("body").order_by("starts_at"))


def progress_papers_of(round_: Round) -> QuerySet:
    return (ProgressPaper.objects.filter(round=round_)
            .select_related("paper", "paper__meeting", "paper__meeting__body", "created_by")
            .order_by("-created_at", "-pk"))


def has_board_meetings() -> bool:
    return board_meetings().exists()
