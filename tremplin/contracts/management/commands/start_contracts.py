"""Starts the contracts whose first day has come: for installations that schedule with cron, not Celery beat."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tremplin.contracts import services


class Command(BaseCommand):
    help = "Fait débuter les contrats signés à l'avance dont la date de début est arrivée."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Date du jour à utiliser, AAAA-MM-JJ.")

    def handle(self, *args, today: str | None = None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today: date attendue au format AAAA-MM-JJ, reçu {today!r}") from error
        started = services.start_due_contracts(day)
        for contract in started:
            self.stdout.write(f"débuté : contrat {contract.public_id} du {contract.start_date.isoformat()}")
        self.stdout.write(f"{len(started)} contrat(s) débuté(s) au {day.isoformat()}.")
