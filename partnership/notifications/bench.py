"""Benchmark (not a test): dispatching N due reminders through the outbox against sending the
same messages with Django's send_mass_mail, both to the locmem backend.

    manage.py bench_outbox --count 10000

The outbox figure includes what the outbox adds on purpose: claiming rows with a lease, one
UPDATE per OUTBOX_MARK_BATCH_SIZE accepted messages to mark them sent (so a crash repeats at most
that many), the Message-ID. Both send the same plain-text messages. The rows are written before
the clock starts and deleted after.

Only the benchmark's own rows are sent and counted: they are due at BENCH_DUE, long before any
real notice, and the dispatcher is asked for the rows due by then, so notices of the demo (or of
anyone) that happen to be due stay where they are."""

import time
import uuid
from datetime import UTC, datetime

from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from partnership.models import Notification, NotificationStatus
from partnership.notifications.services.outbox import notifications_dispatch_due

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
KIND = "bench.reminder"
# Due long before any real notice: the dispatch "as at" this time finds the benchmark's rows only.
BENCH_DUE = datetime(2000, 1, 1, tzinfo=UTC)


def _vacuum() -> None:
    """On Postgres, clear the dead rows the run leaves (its 10,000 inserts, claims and deletes):
    left to autovacuum, they made the next run's claims and the dashboard's outbox counts step
    over 120,000 dead index entries (a count of 0.15 ms took 89 ms; three runs in a row measured
    1.4x, 1.9x and 2.1x, and 1.5x, 1.1x and 1.4x with a vacuum between them)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(Notification._meta.db_table)}")


class Command(BaseCommand):
    help = "Times outbox dispatch of N due reminders against send_mass_mail (locmem backend)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)

    def handle(self, *args, count, **options):
        from django.core import mail

        run = uuid.uuid4().hex[:8]
        now = BENCH_DUE
        rows = [Notification(kind=KIND, subject_key=f"bench:{run}", recipient_email=f"member{n}@example.org",
                             slot=f"7d-{run}", send_after=now, subject=f"Reminder: meeting in 7 days ({n})",
                             body_text="Reminder of the MRAP meeting on Thursday at City Hall.\n" * 5)
                for n in range(count)]
        Notification.objects.bulk_create(rows, batch_size=1000)
        self.stdout.write(f"{count} due reminders written ({connection.vendor}).")
        try:
            with override_settings(MAILERS=LOCMEM):
                mail.outbox = []
                started = time.perf_counter()
                sent = 0
                while batch := notifications_dispatch_due(now=now):
                    sent += batch
                outbox_seconds = time.perf_counter() - started
                assert sent == count, f"sent {sent} of {count}"

                messages = [(n.subject, n.body_text, None, [n.recipient_email])
                            for n in Notification.objects.filter(kind=KIND, subject_key=f"bench:{run}")]
                mail.outbox = []
                started = time.perf_counter()
                # Django 6.1: send_mass_mail(using=...) sends through the MAILERS entry (its
                # connection= argument and get_connection() are deprecated in favour of mailers).
                mass_sent = send_mass_mail(messages, using="default")
                mass_seconds = time.perf_counter() - started
                assert mass_sent == count
        finally:
            Notification.objects.filter(kind=KIND, subject_key=f"bench:{run}").delete()
            _vacuum()
        left = Notification.objects.filter(kind=KIND, subject_key=f"bench:{run}",
                                           status=NotificationStatus.PENDING).count()
        self.stdout.write(f"outbox dispatch:  {outbox_seconds:8.2f} s  ({count / outbox_seconds:,.0f} emails/s)")
        self.stdout.write(f"send_mass_mail:   {mass_seconds:8.2f} s  ({count / mass_seconds:,.0f} emails/s)")
        self.stdout.write(f"ratio outbox / send_mass_mail: {outbox_seconds / mass_seconds:.1f}x  (rows left: {left})")
