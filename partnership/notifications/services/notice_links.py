"""Absolute links in emails: PORTAL_BASE_URL + the page's path. Each page asks the reader to
sign in first (when it needs to) and then opens."""

from django.conf import settings
from django.urls import reverse


def portal_link(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def meeting_link(meeting_id: int) -> str:
    return portal_link(reverse("partnership:meeting_detail", args=[meeting_id]))


def paper_link(paper_id: int) -> str:
    return portal_link(reverse("partnership:paper_detail", args=[paper_id]))


def action_link(action_id: int) -> str:
    return portal_link(reverse("partnership:action_detail", args=[action_id]))


def preferences_link() -> str:
    return portal_link(reverse("partnership:notification_preferences"))
