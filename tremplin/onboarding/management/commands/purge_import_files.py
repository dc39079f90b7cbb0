from django.core.management.base import BaseCommand

from tremplin.onboarding import services


class Command(BaseCommand):
    help = "Supprime les fichiers de reprise en attente depuis plus d'un jour et efface les valeurs des vieux rapports."

    def handle(self, *args, **options):
        files, reports = services.purge()
        self.stdout.write(f"{files} file(s) deleted, {reports} report(s) erased")
