"""Reads of meetings and minutes, always scoped by who is asking.

The public side sees every body and meeting (time, place, status) but never an online link;
the members' side of a body (online links, members' minutes, matters arising) is for that
body's current members and GLA officers (see selectors/bodies.py)."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from partnership.models import (
    Action,
    AgendaItem,
    Meeting,
    Minutes,
    MinutesStatus,
    Paper,
)


def meetings_for_listing():
    return Meeting.objects.select_related("body").select_related("minutes")


def upcoming_meetings(queryset=None, *, now=None):
    queryset = queryset if queryset is not None else meetings_for_listing()
    return queryset.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")


def past_meetings(queryset=None, *, now=None):
    queryset = queryset if queryset is not None else meetings_for_listing()
    return queryset.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


def meetings_in_personal_feed(user):
    """GLA officers: every meeting; anyone else: meetings of the bodies they belong to now."""
    queryset = meetings_for_listing()
    if user.is_gla_officer:
        return queryset
    return queryset.filter(body_id__in=user.current_body_ids)


def minutes_visible_to(user):
    """Approved minutes of bodies whose minutes are public, for everyone; a body's minutes in
    any state for its members; all minutes for GLA officers."""
    public = Q(status=MinutesStatus.APPROVED, meeting__body__minutes_are_public=True)
    queryset = Minutes.objects.select_related("meeting__body", "approved_by")
    if not user.is_authenticated:
        return queryset.filter(public)
    if user.is_gla_officer:
        return queryset
    return queryset.filter(public | Q(meeting__body_id__in=user.current_body_ids))


def minutes_readable_by(user, minutes) -> bool:
    return minutes is not None and minutes_visible_to(user).filter(pk=minutes.pk).exists()


def agenda_of(meeting, user):
    """Agenda items in order, each with the papers this user may see and its declarations."""
    return (AgendaItem.objects.filter(meeting=meeting).order_by("position")
            .prefetch_related(Prefetch("papers", queryset=Paper.objects.visible_to(user).order_by("title")),
                              Prefetch("declarations", queryset=_declarations()),
                              "decisions"))


def _declarations():
    from partnership.models import Declaration

    return Declaration.objects.select_related("person")


def matters_arising(body, user):
    """The body's open actions, as far as this user may see actions."""
    return (Action.objects.visible_to(user).still_open().filter(body=body)
            .select_related("owner_user", "owner_organisation", "meeting").order_by("due_on", "pk"))


def meeting_papers_outside_agenda(meeting, user):
    """Papers of the meeting not tied to an agenda item, as far as this user may see papers."""
    return Paper.objects.visible_to(user).filter(meeting=meeting, agenda_item__isnull=True).order_by("title", "pk")


def actions_from_meeting(meeting, user):
    """Every action recorded at this meeting (open or not), as far as this user may see actions."""
    return (Action.objects.visible_to(user).filter(meeting=meeting)
            .select_related("owner_user", "owner_organisation", "agenda_item").order_by("due_on", "pk"))
