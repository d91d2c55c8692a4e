from partnership.selectors.papers import papers_for_user

from ..models import Protocol


def protocols_for_user(user):
    return Protocol.objects.visible_to(user).for_listing().order_by("review_on", "pk")


def protocol_document(protocol, user):
    """The paper the protocol points at, or None when it points at none or the user may not see it."""
    if not protocol.document_id:
        return None
    return papers_for_user(user).filter(pk=protocol.document_id).first()
