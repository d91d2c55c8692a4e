"""Reads of papers for lists and pages, always scoped to the user (Paper.objects.visible_to)."""

from django.db.models import F

from partnership.models import Paper


def papers_for_user(user):
    """Every paper the user may see, with what a list shows fetched in the same query."""
    return (Paper.objects.visible_to(user)
            .select_related("body", "meeting__body", "agenda_item")
            # Drafts (seen by GLA officers only) first on every database, then newest published.
            .order_by(F("published_at").desc(nulls_first=True), "-uploaded_at", "-pk"))


def papers_of_body(user, body):
    """The body's papers, as far as the user may see them (bodies are public; their papers are not)."""
    return papers_for_user(user).filter(body=body)


def papers_of_meeting(user, meeting):
    """The meeting's papers, as far as the user may see them."""
    return papers_for_user(user).filter(meeting=meeting)
