"""`manage.py sync_les_emplois`: pulls hires from les emplois de l'inclusion (the scheduled task's command)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from tremplin.les_emplois.client import Client, PlatformError
from tremplin.les_emplois.models import Connection
from tremplin.les_emplois.services import client_for, connection_problem, pull
from tremplin.structures.models import Structure
from tremplin.structures.siret import normalise_siret


class Command(BaseCommand):
    help = "Importe les embauches des emplois de l'inclusion (fiches salarié) dans les structures reliées."

    def add_arguments(self, parser):
        parser.add_argument("--structure", metavar="SIRET", help="Seulement la structure de ce SIRET.")
        parser.add_argument("--since", metavar="AAAA-MM-JJ", help="Fiches créées depuis cette date.")
        parser.add_argument("--dry-run", action="store_true", help="Montre ce qui serait fait sans rien écrire.")
        parser.add_argument("--url", help="Adresse de la plateforme (au lieu de la connexion enregistrée).")
        parser.add_argument("--username", help="Identifiant du compte employeur (avec --url).")
        parser.add_argument("--password", help="Mot de passe du compte employeur (avec --url), jamais enregistré.")

    def handle(self, *args, **options):
        since = None
        if options["since"]:
            try:
                since = datetime.date.fromisoformat(options["since"])
            except ValueError:
                raise CommandError(f"--since : date « {options['since']} » illisible (format AAAA-MM-JJ).") from None
        given = [options[key] for key in ("url", "username", "password")]
        if any(given) and not all(given):
            raise CommandError("--url, --username et --password vont ensemble.")
        if options["structure"]:
            siret = normalise_siret(options["structure"])
            structures = list(Structure.objects.filter(siret=siret))
            if not structures:
                raise CommandError(f"--structure : aucune structure de SIRET {siret}.")
        elif all(given):
            raise CommandError("--url demande --structure SIRET : la structure où importer.")
        else:
            structures = [
                c.structure for c in Connection.objects.select_related("structure").order_by("structure__name")
            ]
        for structure in structures:
            problem = connection_problem(structure)
            if problem:
                raise CommandError(f"{structure}: {problem}")
            if all(given):
                client = Client(options["url"])
                try:
                    client.obtain_token(options["username"], options["password"])
                except PlatformError as error:
                    raise CommandError(str(error)) from error
            else:
                connection = Connection.objects.filter(structure=structure).first()
                if connection is None:
                    self.stderr.write(f"{structure}: aucune connexion enregistrée, ignorée.")
                    continue
                client = client_for(connection)
            run = pull(structure, client, since=since, dry_run=options["dry_run"])
            self.stdout.write(
                f"{structure}: {run.get_status_display()} — {run.pages} pages, {run.created} créés, "
                f"{run.updated} mis à jour, {run.unchanged} inchangés, {run.to_link} à rapprocher, "
                f"{run.rejected} inutilisables" + (" (essai à blanc)" if run.dry_run else "")
            )
            if run.error:
                self.stderr.write(f"{structure}: {run.error}")
