"""Reads of a meeting's agenda. Agenda items are public, like the meetings they belong to; the
papers listed under them go through the reader's scope."""

from django.db.models import Prefetch

from partnership.models import AgendaItem, Declaration, Paper


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
