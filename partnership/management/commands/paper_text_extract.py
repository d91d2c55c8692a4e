"""`manage.py paper_text_extract [--all]`: read the words of papers uploaded before the site
search, or whose reading never ran (status "waiting to be read"); --all reads every paper again.
Then the papers are found by the words inside them. A file that cannot be read is marked "text
not available"; nothing stops the run."""

from django.core.management.base import BaseCommand

from partnership.models import Paper, PaperTextStatus
from partnership.services.paper_text import paper_text_extract


class Command(BaseCommand):
    help = "Read the words inside papers' files for the site search."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every paper again, not only those waiting")

    def handle(self, *args, all=False, **options):  # noqa: A002 - the option's name
        papers = Paper.objects.order_by("pk")
        if not all:
            papers = papers.filter(text_status=PaperTextStatus.PENDING)
        counts = {status: 0 for status in PaperTextStatus.values}
        for paper_id in papers.values_list("pk", flat=True).iterator():
            status = paper_text_extract(paper_id=paper_id)
            if status:
                counts[status] += 1
        self.stdout.write(", ".join(f"{PaperTextStatus(status).label}: {count}" for status, count in counts.items()
                                    if status != PaperTextStatus.PENDING))
