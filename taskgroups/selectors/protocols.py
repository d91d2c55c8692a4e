from django.db.models import Q

from partnership.models import Paper
from partnership.selectors.papers import papers_for_user

from ..models import Protocol


def protocols_for_user(user):
    return Protocol.objects.visible_to(user).for_listing().order_by("review_on", "pk")


def protocol_document(protocol, user):
    """The paper the protocol points at, or None when it points at none or the user may not see it."""
    if not protocol.document_id:
        return None
    return papers_for_user(user).filter(pk=protocol.document_id).first()


# A protocol's document is chosen from the most recent papers, plus the one it points at now: a
# year's data holds 50,000 papers, which the form offered whole (issue 12).
DOCUMENT_CHOICES_SHOWN = 200


def protocol_document_choices(*, keep=None):
    recent = Paper.objects.order_by("-pk").values("pk")[:DOCUMENT_CHOICES_SHOWN]  # the newest, by the key's index
    return (Paper.objects.filter(Q(pk__in=recent) | Q(pk__in=[keep] if keep else []))
            .select_related("body").order_by("body__name", "title", "pk"))
