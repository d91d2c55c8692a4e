"""Reads of a meeting's agenda. Agenda items are public, like the meetings they belong to; the
papers listed under them go through the reader's scope."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from partnership.common.bounded import Bounded, bounded
from partnership.models import AgendaItem, Declaration, Meeting, Paper


def agenda_items():
    """Every agenda item, with its meeting and body fetched in the same query."""
    return AgendaItem.objects.select_related("meeting__body")


def agenda_item_of(meeting, pk):
    """One item of this meeting, or None (an item of another meeting is not offered)."""
    return agenda_items().select_related("organisation").filter(meeting=meeting, pk=pk).first()


# How many of a meeting's papers its page lists (with its agenda items and apart); the rest are
# on the meeting's paper list, a link away.
MEETING_PAPERS_SHOWN = 50


@dataclass(frozen=True)
class AgendaPage:
    """A meeting's agenda as its page shows it: the items in order, each carrying the papers of
    it shown (`item.papers_shown`) and, when asked for, its declarations; the papers for the
    meeting as a whole; and all papers shown, bounded, with their count."""

    items: list
    outside_items: list
    papers: Bounded


def agenda_for_page(meeting, user, *, with_declarations: bool, papers_url: str = "") -> AgendaPage:
    """Two queries whatever the agenda: its items (declarations prefetched, a third, only when
    the page shows them) and the meeting's papers this user may see - items' papers in agenda
    order, then the meeting's own, by title - bounded, split in Python."""
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    if with_declarations:
        items = items.prefetch_related(Prefetch("declarations", queryset=Declaration.objects.select_related("person")))
    items = list(items)
    papers = bounded(Paper.objects.visible_to(user).filter(meeting=meeting)
                     .order_by(F("agenda_item__position").asc(nulls_last=True), "title", "pk"),
                     MEETING_PAPERS_SHOWN, more_url=papers_url)
    by_item = defaultdict(list)
    for paper in papers:
        by_item[paper.agenda_item_id].append(paper)
    for item in items:
        item.papers_shown = by_item.get(item.pk, [])
    return AgendaPage(items=items, outside_items=by_item.get(None, []), papers=papers)


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
