"""manage.py import_rome <folder>: imports or updates the ROME 4.0 referential from France Travail's CSV files."""

from django.core.management.base import BaseCommand, CommandError

from tremplin.competences.rome import RomeImportError, import_rome


class Command(BaseCommand):
    help = "Importe le référentiel ROME 4.0 (fichiers CSV de France Travail) ; relancer ne change rien."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Dossier contenant les fichiers unix_*_utf8.csv")

    def handle(self, *args, folder, **options):
        try:
            report = import_rome(folder)
        except RomeImportError as error:
            raise CommandError(f"{error} Rien n'a été importé.") from None
        self.stdout.write(
            "ROME: {jobs} métiers ({jc} créés, {ju} modifiés), {appellations} appellations ({ac} créées, {au} modifiées), "
            "{competences} compétences ({cc} créées, {cu} modifiées), {links} liens ({lc} créés, {lr} retirés).".format(
                **report.totals,
                jc=report.jobs_created,
                ju=report.jobs_updated,
                ac=report.appellations_created,
                au=report.appellations_updated,
                cc=report.competences_created,
                cu=report.competences_updated,
                lc=report.links_created,
                lr=report.links_removed,
            )
        )
