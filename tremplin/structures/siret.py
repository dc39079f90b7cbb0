"""The SIRET, the French establishment number: 14 digits whose Luhn sum is a multiple of 10.

La Poste's establishments (SIREN 356000000) are numbered sequentially and follow another rule: the sum
of their digits is a multiple of 5 (INSEE's documented exception); the head office 35600000000048 follows
the Luhn rule.
"""

from django.utils.translation import gettext as _

LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_siret(value: str) -> str:
    """Spaces and dots removed, as people copy it from a letterhead."""
    return "".join(ch for ch in (value or "") if ch not in " .\u00a0")


def siret_problem(value: str) -> str | None:
    """Why `value` is not a SIRET, or None when it is one."""
    if len(value) != 14 or not value.isdigit():
        return _("Le SIRET compte exactement 14 chiffres (sans lettre).")
    if value.startswith(LA_POSTE_SIREN) and value != "35600000000048":
        if sum(int(ch) for ch in value) % 5 == 0:
            return None
    if not luhn_ok(value):
        return _("Ce SIRET n'existe pas : sa clé de contrôle (formule de Luhn) est fausse. Vérifiez les chiffres.")
    return None
