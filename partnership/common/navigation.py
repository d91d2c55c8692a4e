"""What a navigation entry is. Each app lists its entries in its own navigation.py (ENTRIES), and
lsmp.navigation gathers them, so an app adds its links without editing the site template."""

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
