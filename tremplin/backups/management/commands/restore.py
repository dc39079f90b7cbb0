from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tremplin.backups.services import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores a backup made by `backup` into an EMPTY installation (no account, no person). "
        "The archive's checksums are verified first. There is deliberately no --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .tar.gz written by `backup`.")

    def handle(self, *args, path: str, **options):
        try:
            report = restore_backup(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the {report.engine} backup of {report.created_at} and {report.files} file(s). "
                "Run `migrate` if this version of Tremplin is newer than the backup."
            )
        )
