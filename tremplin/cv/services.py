"""Saving the CV draft: the choices are checked against what the CV can show, then written in one go."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import CvDraft, CvLanguage

MAX_RANK = 99


def save_draft(
    person,
    *,
    by,
    language: str,
    headline: str,
    summary: str,
    show_email: bool,
    show_phone: bool,
    show_city: bool,
    show_languages: bool,
    hidden: list[str],
    ranks: dict[str, int],
    known_keys: set[str],
) -> CvDraft:
    """Creates or updates the person's draft. `known_keys` are the items the CV can show now:
    a choice about anything else (another person's item, an item deleted meanwhile) is refused."""
    errors: dict[str, list[str]] = {}
    if language not in CvLanguage.values:
        errors["language"] = [_("Langue du CV : choisissez le français ou l'anglais.")]
    if len(headline or "") > 120:
        errors["headline"] = [_("Titre du CV : 120 caractères au plus, pour tenir sur une ligne.")]
    if len(summary or "") > 400:
        errors["summary"] = [_("Présentation : 400 caractères au plus, pour que le CV tienne sur une page.")]
    unknown = (set(hidden) | set(ranks)) - known_keys
    if unknown:
        errors["__all__"] = [
            _(
                "Certains éléments ne font plus partie du dossier de la personne (supprimés entre-temps) : "
                "rechargez la page avant d'enregistrer."
            )
        ]
    for rank in ranks.values():
        if not isinstance(rank, int) or not 1 <= rank <= MAX_RANK:
            errors.setdefault("__all__", []).append(_("Ordre : une position va de 1 à %(max)s.") % {"max": MAX_RANK})
            break
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        draft, _created = CvDraft.objects.select_for_update().get_or_create(person=person)
        draft.language = language
        draft.headline = (headline or "").strip()
        draft.summary = (summary or "").strip()
        draft.show_email = show_email
        draft.show_phone = show_phone
        draft.show_city = show_city
        draft.show_languages = show_languages
        draft.hidden = sorted(set(hidden))
        draft.ranks = dict(sorted(ranks.items()))
        draft.updated_by = by
        draft.save()
    return draft
