"""`manage.py search_reindex [--kind paper --kind decision]`: rebuild the site search's entries
from the objects (all kinds by default). The services keep the index up to date as things
change; this is for a new kind, changed document rules, data loaded around the services (a
restore, a bulk import) or the demo data."""

from django.core.management.base import BaseCommand, CommandError

from partnership.search import registry
from partnership.search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the site search's entries from the objects."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", dest="kinds", default=[],
                            help="Only this kind (repeatable): " + ", ".join(k.kind for k in registry.kinds()))

    def handle(self, *args, kinds, **options):
        unknown = sorted(set(kinds) - {kind.kind for kind in registry.kinds()})
        if unknown:
            raise CommandError(f"No such kind: {', '.join(unknown)}")
        written = search_reindex(kinds or None)
        for name, count in written.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(written.values())} entries."))
