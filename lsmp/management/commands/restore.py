"""manage.py restore FOLDER: checks the backup's manifest, then restores database and media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lsmp.backups import BackupError, backup_restore, backup_verify


class Command(BaseCommand):
    help = ("Restore a backup made by `manage.py backup` after checking every checksum. Stop the "
            "web, worker and beat first. Refuses a database or media folder holding data unless --replace.")

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="replace the data there (the old media folder is kept beside it)")
        parser.add_argument("--verify-only", action="store_true", help="check the checksums and stop")

    def handle(self, *args, **options):
        try:
            if options["verify_only"]:
                manifest = backup_verify(folder=options["folder"])
                self.stdout.write(self.style.SUCCESS(
                    f"The backup matches its manifest ({len(manifest['media'])} media files)."))
                return
            set_aside = backup_restore(folder=options["folder"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if set_aside:
            self.stdout.write(f"The media folder that was replaced is kept as {set_aside}.")
        self.stdout.write(self.style.SUCCESS("Restored. Start the web, worker and beat again."))
