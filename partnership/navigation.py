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
]
# The public contact form, for everyone; the queue behind it, for the Migration Team (issue 7).
ENTRIES += [
    NavEntry("Contact us", "partnership:contact", 80, lambda user: True),
    NavEntry("Enquiries", "partnership:enquiry_list", 30, gla_officer),
]
