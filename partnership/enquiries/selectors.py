"""Reads of the enquiry queue, always through the triager's scope (Enquiry.objects.visible_to)."""

from partnership.models import Enquiry


def enquiry_queue(user):
    """Open enquiries first, by reply-by date, each with its assignee and borough."""
    return Enquiry.objects.visible_to(user).for_queue()


def enquiries_for_page(user):
    """Enquiries with everyone an enquiry's page names fetched in the same query."""
    return Enquiry.objects.visible_to(user).select_related("assignee", "borough", "responded_by", "closed_by")
