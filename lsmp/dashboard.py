"""The signed-in dashboard is made of panels that each app offers in its dashboard.py:
`panels(user) -> list[dict(title, rows=[(label, value, href)])]`. A panel's figures must obey
the same scope as the app's lists."""

from importlib import import_module
from importlib.util import find_spec

from .navigation import PORTAL_APPS


def panels_for(user):
    panels = []
    for app in PORTAL_APPS:
        if find_spec(f"{app}.dashboard") is not None:
            panels.extend(import_module(f"{app}.dashboard").panels(user))
    return panels
