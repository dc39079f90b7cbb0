"""Rules of immersions: recording one (dates, tutor, objective), and its tripartite evaluation.

Functions validate first, raise ValidationError keyed by form field names, and write in one
transaction. Duration beyond what the programme allows is a warning returned to the caller
(see rules.py for the source), never a silent change.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tremplin.professional_project.jobs import ROME_CODE

from . import rules
from .grid import GridItem
from .models import Immersion, ImmersionEvaluation

LEVELS = range(0, 6)
VOICES = ("person", "tutor", "counsellor")


def _short(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def check(immersion: Immersion) -> list[str]:
    """Raises on bad input; returns the warnings (the PMSMP month) the page shows after saving."""
    errors: dict[str, list[str]] = {}
    if immersion.company_id and immersion.company.structure_id != immersion.pathway.structure_id:
        errors["company"] = [_("Entreprise du réseau : choisissez une entreprise du réseau de votre structure.")]
    if immersion.company_id and not immersion.host_name.strip():
        immersion.host_name = immersion.company.name
    if not immersion.host_name.strip():
        errors["host_name"] = [_("Entreprise d'accueil : indiquez l'entreprise qui accueille la personne.")]
    if not immersion.job_title.strip():
        errors["job_title"] = [_("Métier découvert : indiquez le métier ou le poste observé.")]
    if not immersion.tutor_name.strip():
        errors["tutor_name"] = [
            _("Tuteur ou tutrice : l'entreprise désigne une personne qui accompagne l'immersion ; indiquez son nom.")
        ]
    if immersion.job_code and not ROME_CODE.match(immersion.job_code.strip().upper()):
        errors["job_code"] = [_("Code métier : une lettre de A à N suivie de quatre chiffres, par exemple A1203.")]
    if immersion.starts_on and immersion.ends_on and immersion.ends_on < immersion.starts_on:
        errors["ends_on"] = [
            _("Dernier jour : il ne peut pas précéder le premier jour (%(start)s).")
            % {"start": _short(immersion.starts_on)}
        ]
    if immersion.weekly_hours is not None and not 0 < immersion.weekly_hours <= 48:
        errors["weekly_hours"] = [_("Heures par semaine : entre 1 et 48 heures (durée maximale du travail).")]
    evaluation = immersion.evaluation_or_none if immersion.pk else None
    if evaluation is not None and immersion.ends_on and evaluation.evaluated_on < immersion.starts_on:
        errors["starts_on"] = [
            _("Premier jour : le bilan a eu lieu le %(date)s ; l'immersion ne peut pas commencer après.")
            % {"date": _short(evaluation.evaluated_on)}
        ]
    if errors:
        raise ValidationError(errors)
    immersion.job_code = immersion.job_code.strip().upper()
    return warnings_for(immersion)


def warnings_for(immersion: Immersion) -> list[str]:
    kind = immersion.pathway.programme.kind
    if rules.exceeds_pmsmp_month(kind, immersion.starts_on, immersion.ends_on):
        return [
            _(
                "Durée : une PMSMP dure un mois au plus (Code du travail, art. D5135-1 et suivants) ; cette immersion "
                "va du %(start)s au %(end)s, au-delà du %(limit)s. Elle est enregistrée : vérifiez la convention "
                "(renouvellement) avec le prescripteur."
            )
            % {
                "start": _short(immersion.starts_on),
                "end": _short(immersion.ends_on),
                "limit": _short(rules.pmsmp_last_day(immersion.starts_on)),
            }
        ]
    return []


def record_immersion(*, pathway, by, **fields) -> tuple[Immersion, list[str]]:
    """Records an immersion; returns it with the warnings to show."""
    immersion = Immersion(pathway=pathway, created_by=by, **fields)
    warnings = check(immersion)
    immersion.save()
    return immersion, warnings


def save_immersion(immersion: Immersion) -> list[str]:
    warnings = check(immersion)
    immersion.save()
    return warnings


def evaluate(
    immersion: Immersion,
    *,
    by,
    evaluated_on: datetime.date,
    grid_source: str,
    items: list[GridItem],
    levels: dict[str, dict[str, int | None]],
    conclusion: str,
    person_view: str = "",
    tutor_view: str = "",
    counsellor_view: str = "",
    conclusions: str = "",
) -> ImmersionEvaluation:
    """Records (or corrects) the tripartite evaluation. `levels` is {item key: {voice: level or None}}.

    A criterion nobody could observe may stay empty, but the evaluation needs at least one level,
    and the three voices: it is a meeting of the person, the tutor and the counsellor."""
    from .models import Conclusion

    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if evaluated_on is None:
        errors["evaluated_on"] = [_("Date du bilan : indiquez quand le bilan a eu lieu.")]
    elif evaluated_on > today:
        errors["evaluated_on"] = [
            _("Date du bilan : elle ne peut pas être dans le futur (aujourd'hui : %(today)s).")
            % {"today": _short(today)}
        ]
    elif evaluated_on < immersion.starts_on:
        errors["evaluated_on"] = [
            _("Date du bilan : elle ne peut pas précéder le premier jour de l'immersion (%(start)s).")
            % {"start": _short(immersion.starts_on)}
        ]
    if conclusion not in Conclusion.values:
        errors["conclusion"] = [_("Conclusion : choisissez la conclusion retenue ensemble.")]
    rows = []
    keys = {item.key for item in items}
    for key in levels:
        if key not in keys:
            errors.setdefault("__all__", []).append(
                _("Ce critère ne fait pas partie de la grille : %(key)s.") % {"key": key}
            )
    for item in items:
        row = {"key": item.key, "label": item.label}
        for voice in VOICES:
            value = (levels.get(item.key) or {}).get(voice)
            if value is not None and value not in LEVELS:
                errors.setdefault("__all__", []).append(_("%(label)s : le niveau va de 0 à 5.") % {"label": item.label})
                value = None
            row[voice] = value
        rows.append(row)
    for voice, label in (("person", _("la personne")), ("tutor", _("le tuteur")), ("counsellor", _("le conseiller"))):
        if not any(row[voice] is not None for row in rows):
            errors.setdefault("__all__", []).append(
                _("Grille : indiquez au moins un niveau donné par %(who)s ; le bilan se fait à trois.") % {"who": label}
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        evaluation, _created = ImmersionEvaluation.objects.update_or_create(
            immersion=immersion,
            defaults={
                "evaluated_on": evaluated_on,
                "grid_source": grid_source,
                "scores": rows,
                "conclusion": conclusion,
                "person_view": person_view.strip(),
                "tutor_view": tutor_view.strip(),
                "counsellor_view": counsellor_view.strip(),
                "conclusions": conclusions.strip(),
                "evaluated_by": by,
            },
        )
    return evaluation
