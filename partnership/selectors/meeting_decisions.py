"""Reads of the decisions recorded at a meeting (members' side and minutes)."""

from partnership.models import MeetingDecision


def meeting_decisions_of(meeting):
    """The meeting's decisions in the order recorded, each with its agenda item."""
    return MeetingDecision.objects.filter(meeting=meeting).select_related("agenda_item")
