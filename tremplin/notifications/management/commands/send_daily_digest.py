"""Sends the daily e-mail digest to the members who asked for it (the Celery task of the same name)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tremplin.notifications import digest


class Command(BaseCommand):
    help = "Envoie le résumé quotidien des alertes aux membres qui l'ont demandé (une fois par jour et par membre)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Date du jour à utiliser, AAAA-MM-JJ.")

    def handle(self, *args, today: str | None = None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today: date attendue au format AAAA-MM-JJ, reçu {today!r}") from error
        sent = digest.send_daily_digest(day)
        self.stdout.write(f"{sent} résumé(s) envoyé(s) au {day.isoformat()}.")
