"""Notifies the référent·es of the follow-ups after exit whose day has come (the Celery task of the same name)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tremplin.notifications import services


class Command(BaseCommand):
    help = "Prévient les référent·es des suivis après sortie arrivés à échéance (une seule fois chacun)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Date du jour à utiliser, AAAA-MM-JJ.")

    def handle(self, *args, today: str | None = None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today: date attendue au format AAAA-MM-JJ, reçu {today!r}") from error
        created = services.notify_due_follow_ups(day)
        self.stdout.write(f"{created} notification(s) de suivi créée(s) au {day.isoformat()}.")
