"""Reads of papers for lists and pages, always scoped to the user (Paper.objects.visible_to)."""

from django.db.models import F

from partnership.models import Paper


def papers_for_user(user):
    """Every paper the user may see, with what a list shows fetched in the same query."""
    return (Paper.objects.visible_to(user)
            .select_related("body", "meeting__body", "agenda_item")
            # Drafts (seen by GLA officers only) first on every database, then newest published.
            .order_by(F("published_at").desc(nulls_first=True), "-uploaded_at", "-pk"))


# What a list of papers shows (templates/partnership/papers/list.html), and nothing else: not
# the words read from each file (the text column can hold a whole report), the stored file's name
# or who uploaded it (issue 12).
LISTED_FIELDS = ("title", "body_id", "meeting_id", "agenda_item_id", "visibility", "published_at", "size_bytes",
                 "body__name", "body__short_name", "meeting__starts_at",
                 "agenda_item__position", "agenda_item__title")


def papers_for_listing(user):
    """The papers the user may see, in the list's order, with only what a list shows. No
    meeting__body join: a list of papers names the paper's own body."""
    return (Paper.objects.visible_to(user)
            .select_related("body", "meeting", "agenda_item")
            .only(*LISTED_FIELDS)
            .order_by(F("published_at").desc(nulls_first=True), "-uploaded_at", "-pk"))


def papers_of_body(user, body):
    """The body's papers, as far as the user may see them (bodies are public; their papers are not)."""
    return papers_for_listing(user).filter(body=body)


def papers_of_meeting(user, meeting):
    """The meeting's papers, as far as the user may see them."""
    return papers_for_listing(user).filter(meeting=meeting)
