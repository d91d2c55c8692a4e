"""Navigation entries this app contributes, by role. lsmp.context_processors gathers every
app's entries; an app adds its own here rather than editing the site template."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    order: int
    shown_to: Callable  # user -> bool


def signed_in(user):
    return user.is_authenticated


def gla_officer(user):
    return user.is_authenticated and user.is_gla_officer


ENTRIES = [
    NavEntry("Invite a user", "partnership:invite", 90, gla_officer),
    NavEntry("Delivery log", "partnership:notification_log", 92, gla_officer),
    NavEntry("Email settings", "partnership:notification_preferences", 95, signed_in),
]
