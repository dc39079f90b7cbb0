"""`manage.py load_demo [--reset] [--seed N]`: the demonstration structures, staff and people."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tremplin.demo import builder


class Command(BaseCommand):
    help = _("Charge des données de démonstration : trois structures, leurs équipes et une soixantaine de parcours.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_("Supprime d'abord les structures et les comptes de démonstration, pour recharger la démo."),
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=builder.DEFAULT_SEED,
            help=_("Graine du tirage aléatoire (noms, âges, dates) : la même graine donne la même démo."),
        )

    def handle(self, *args, reset: bool = False, seed: int = builder.DEFAULT_SEED, **options):
        if reset:
            builder.reset_demo()
        elif builder.demo_exists():
            raise CommandError(
                _("Les données de démonstration sont déjà chargées : relancez avec --reset pour les recréer.")
            )
        result = builder.build_demo(seed=seed)
        self.print_accounts(result)

    def print_accounts(self, result: builder.DemoResult) -> None:
        rows = [(_("Adresse de connexion"), _("Rôle"), _("Structure"))]
        rows += [(a.email, a.role, a.structure) for a in result.accounts]
        widths = [max(len(str(row[i])) for row in rows) for i in range(3)]
        line = "  ".join("-" * w for w in widths)
        self.stdout.write(
            self.style.SUCCESS(
                _("Démo chargée : %(structures)s structures, %(people)s personnes accompagnées.")
                % {"structures": len(result.structures), "people": result.people}
            )
        )
        self.stdout.write("")
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
            if index == 0:
                self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write(_("Mot de passe de tous les comptes : %(password)s") % {"password": result.password})
        self.stdout.write(_("Adresse de la démo : %(url)s") % {"url": result.url})
