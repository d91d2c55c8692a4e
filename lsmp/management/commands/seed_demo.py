"""Loads the demo data drawn from the seed documents. Idempotent: a second run changes nothing.

Each app contributes its part in its demo.py (`seed(log)`), in dependency order."""

import os
from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction

from lsmp.navigation import PORTAL_APPS
from partnership.search.services import search_reindex


class Command(BaseCommand):
    help = "Create or refresh the demo data (boroughs, bodies, demo accounts ...)."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo-password-123")
        with transaction.atomic():
            for app in PORTAL_APPS:
                if find_spec(f"{app}.demo") is not None:
                    import_module(f"{app}.demo").seed(log=self.stdout.write, password=password)
        # Demo data is written partly around the services: the site search is rebuilt from it.
        written = search_reindex()
        self.stdout.write(f"Search index: {sum(written.values())} entries.")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
