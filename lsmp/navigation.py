from functools import cache
from importlib import import_module

PORTAL_APPS = ("partnership", "taskgroups", "resettlement", "esol", "funding")


@cache
def app_entries():
    return [entry for app in PORTAL_APPS for entry in import_module(f"{app}.navigation").ENTRIES]
