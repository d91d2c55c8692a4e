"""Reads of a meeting's agenda. Agenda items are public, like the meetings they belong to; the
papers listed under them go through the reader's scope."""

import datetime as dt

from django.db.models import Prefetch, Q
from django.utils import timezone

from partnership.models import AgendaItem, Declaration, Meeting, Paper


def agenda_items():
    """Every agenda item, with its meeting and body fetched in the same query."""
    return AgendaItem.objects.select_related("meeting__body")


def agenda_item_of(meeting, pk):
    """One item of this meeting, or None (an item of another meeting is not offered)."""
    return agenda_items().select_related("organisation").filter(meeting=meeting, pk=pk).first()


def agenda_of(meeting, user):
    """Agenda items in order, each with the papers this user may see and its declarations. (The
    meeting's decisions are read apart, with their items: prefetching them per item too was a
    query the page never used.)"""
    return (AgendaItem.objects.filter(meeting=meeting).order_by("position")
            .prefetch_related(Prefetch("papers", queryset=Paper.objects.visible_to(user).order_by("title")),
                              Prefetch("declarations", queryset=Declaration.objects.select_related("person"))))


def agenda_item_has_links(item) -> bool:
    """Whether papers or actions point at the item (removing it keeps them, without the link)."""
    return item.papers.exists() or item.actions.exists()


# Where a paper or an action comes from, as choices on the upload and action forms. A year's
# data holds 20,000 meetings and 100,000 agenda items (issue 12): offered whole, the upload page
# took minutes to draw. The forms offer a window around today - meetings from three months back
# and the next ones, at most MEETING_CHOICES_SHOWN - and their agenda items, plus whatever the
# form already holds (the meeting a page prefilled, or an action's own meeting when it is
# edited). For an older meeting, the paper or action is recorded from that meeting's page.
MEETING_CHOICES_SHOWN = 60
MEETING_CHOICES_SINCE = dt.timedelta(days=92)


def meeting_choices(*, keep=(), now=None):
    now = now or timezone.now()
    window = (Meeting.objects.filter(starts_at__gte=now - MEETING_CHOICES_SINCE)
              .order_by("starts_at", "pk").values("pk")[:MEETING_CHOICES_SHOWN])
    return (Meeting.objects.filter(Q(pk__in=window) | Q(pk__in=[pk for pk in keep if pk]))
            .select_related("body").order_by("-starts_at", "pk"))


def agenda_item_choices(*, meetings, keep=()):
    """The items of the offered meetings, plus the items the form already holds."""
    return (agenda_items().filter(Q(meeting__in=meetings.values("pk")) | Q(pk__in=[pk for pk in keep if pk]))
            .order_by("-meeting__starts_at", "meeting_id", "position"))
