from functools import cache
from importlib import import_module

# In dependency order (each app after those it builds on): seed_demo loads them in this order,
# so esol's demo finds the funding decisions that pay for its rounds.
PORTAL_APPS = ("partnership", "taskgroups", "resettlement", "funding", "esol")


@cache
def app_entries():
    return [entry for app in PORTAL_APPS for entry in import_module(f"{app}.navigation").ENTRIES]
