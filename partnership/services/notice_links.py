"""Absolute links in emails: PORTAL_BASE_URL + the page's path. Paths are written out here
(not reversed) so a notice does not depend on another part's URL names; each page asks the
reader to sign in first and then opens."""

from django.conf import settings
from django.urls import reverse


def portal_link(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def meeting_link(meeting_id: int) -> str:
    return portal_link(f"/meetings/{meeting_id}/")


def paper_link(paper_id: int) -> str:
    return portal_link(f"/papers/{paper_id}/")


def action_link(action_id: int) -> str:
    return portal_link(f"/actions/{action_id}/")


def preferences_link() -> str:
    return portal_link(reverse("partnership:notification_preferences"))
