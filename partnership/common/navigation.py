"""What a navigation entry is. Each app lists its entries in its own navigation.py (ENTRIES), and
lsmp.navigation gathers them, so an app adds its links without editing the site template.

The service navigation shows one link per *group* ("Meetings", "Funding", "ESOL"), so that a GLA
officer's menu fits one row at 1280 px; the entries of the group the page belongs to are shown
below it as the section's links. An `account` entry (Email settings) sits with Sign out in the
header's account area instead."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    order: int
    shown_to: Callable  # user -> bool
    # The group the entry is listed under; "" is a group of its own named by the label. The group's
    # link goes to its entry with the group's own name, or else to its first entry by order.
    group: str = ""
    account: bool = False

    @property
    def group_label(self) -> str:
        return self.group or self.label


def signed_in(user):
    return user.is_authenticated


def gla_officer(user):
    return user.is_authenticated and user.is_gla_officer
