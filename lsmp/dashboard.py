"""The signed-in dashboard is made of panels that each app offers in its dashboard.py:
`panels(user) -> list[dict(title, rows=[(label, value, href)], todo=[...])]`. A panel's figures
must obey the same scope as the app's lists.

A panel's optional `todo` lines (`partnership.common.counts.todo`) say what needs this person
now ("3 overdue actions you own"), from the same figures the panel already counted: the dashboard
gathers them at the top, in the order of the apps, and leaves out those with nothing to do."""

from importlib import import_module
from importlib.util import find_spec

from .navigation import PORTAL_APPS


def panels_for(user):
    panels = []
    for app in PORTAL_APPS:
        if find_spec(f"{app}.dashboard") is not None:
            panels.extend(import_module(f"{app}.dashboard").panels(user))
    return panels


def _something(count) -> bool:
    # A capped count ("over 500") is something to do; a zero or None is not.
    return bool(count) if isinstance(count, int) else count is not None


def todo_from(panels) -> list[dict]:
    return [line for panel in panels for line in panel.get("todo", ()) if _something(line["count"])]
