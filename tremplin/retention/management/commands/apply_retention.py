"""Applies the retention rules: `apply_retention --dry-run` lists what would go."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tremplin.retention import services


class Command(BaseCommand):
    help = "Anonymise les dossiers et supprime les justificatifs dont la durée de conservation est écoulée."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Affiche le plan sans rien modifier.")
        parser.add_argument("--today", help="Date du jour à utiliser, AAAA-MM-JJ.")

    def handle(self, *args, dry_run: bool = False, today: str | None = None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today: date attendue au format AAAA-MM-JJ, reçu {today!r}") from error
        actions = services.plan_purge(day) if dry_run else services.apply_purge(day)
        verb = "prévu" if dry_run else "fait"
        for action in actions:
            self.stdout.write(
                f"{verb}: {action.category} person={action.person.public_id} "
                f"structure={action.person.structure.name} échéance={action.due_since.isoformat()} — {action.reason}"
            )
        self.stdout.write(
            f"{len(actions)} action(s) {'prévue(s)' if dry_run else 'appliquée(s)'} au {day.isoformat()}."
        )
