"""manage.py backup --to FOLDER: the database and the private media files, with checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lsmp.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the private media files into a new folder under --to."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path, help="where the backup folder is written")

    def handle(self, *args, **options):
        try:
            summary = backup_create(destination=options["to"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing_referenced:
            self.stderr.write(f"warning: the database refers to {name}, which is not in the media folder")
        self.stdout.write(f"{summary.folder}")
        self.stdout.write(self.style.SUCCESS(
            f"Backed up: database {summary.database_bytes:,} bytes, {summary.media_files} media files."))
