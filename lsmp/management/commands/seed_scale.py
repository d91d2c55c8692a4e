"""Fills the database with the invented, year-scaled data set of lsmp/scale_data.py, for
benchmarks (bench_pages) and the query-plan tests (tests/scale/). Example:

    manage.py seed_scale --rows 100000            # refuses if scale data is there already
    manage.py seed_scale --rows 100000 --replace  # deletes the previous scale rows first
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lsmp.scale_data import ScaleDataPresent, counts_for, seed_scale


class Command(BaseCommand):
    help = "Write an invented data set scaled to N rows (meetings, papers, actions, offers, ...)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000, help="N: actions, offers, enquiries, notices")
        parser.add_argument("--replace", "--force", action="store_true", dest="replace",
                            help="delete the scale rows of an earlier run first, instead of refusing")

    def handle(self, *args, rows, replace, **options):
        if rows < 10:
            raise CommandError("--rows must be at least 10.")
        planned = ", ".join(f"{count:,} {name}" for name, count in counts_for(rows).items())
        self.stdout.write(f"Writing {planned} ({connection.vendor}).")
        started = time.monotonic()
        tty = sys.stdout.isatty()

        def progress(line):
            # One line rewritten in place on a terminal; only the finished lines in a log.
            if line.endswith("\n"):
                self.stdout.write(("\r\033[K" if tty else "") + line.rstrip("\n"))
            elif tty:
                self.stdout.write(f"\r\033[K  {line}", ending="")
                self.stdout.flush()

        try:
            written = seed_scale(rows, replace=replace, progress=progress)
        except ScaleDataPresent as error:
            raise CommandError(f"{error} Run with --replace to delete it and write it again.") from None
        total = sum(written.values())
        self.stdout.write(self.style.SUCCESS(
            f"Scale data ready: {total:,} rows in {time.monotonic() - started:.0f} s."))
