from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tremplin.backups.services import BackupError, create_backup


class Command(BaseCommand):
    help = "Writes a consistent backup (database dump, uploaded files, manifest with checksums) to one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Path of the .tar.gz to write.")

    def handle(self, *args, output: str, **options):
        try:
            manifest = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {output}: {manifest['engine']} database, "
                + ("the access log's own database, " if manifest.get("audit_database") else "")
                + f"{len(manifest['members']) - (2 if manifest.get('audit_database') else 1)} uploaded file(s)."
            )
        )
