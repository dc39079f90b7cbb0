"""The welcome checklist: structure templates (with defaults) and each person's copy.

Nothing here runs on a GET: defaults and checklists are shown as a preview until
a member acts (POST), so that reading a page never writes.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Doer, WelcomeStep, WelcomeStepTemplate

# (title, description, due_in_days, doer): the usual first weeks in a work-integration structure.
DEFAULT_STEPS: tuple[tuple, ...] = (
    (
        gettext_lazy("Visite du site et des locaux"),
        gettext_lazy("Faire le tour des lieux de travail, des vestiaires, de la salle de pause et des sanitaires."),
        0,
        Doer.SUPERVISOR,
    ),
    (
        gettext_lazy("Présentation des équipes"),
        gettext_lazy("Présenter les collègues, l'encadrement et les personnes à qui s'adresser."),
        0,
        Doer.SUPERVISOR,
    ),
    (
        gettext_lazy("Interlocuteurs nommés"),
        gettext_lazy(
            "Donner le nom du ou de la conseiller·ère, de l'encadrant·e technique et du ou de la chef·fe de chantier."
        ),
        0,
        Doer.COUNSELLOR,
    ),
    (
        gettext_lazy("Horaires et pauses"),
        gettext_lazy("Expliquer le planning, les horaires, les pauses et comment prévenir en cas d'absence."),
        0,
        Doer.WORKSITE_LEAD,
    ),
    (
        gettext_lazy("Équipements et protections individuelles"),
        gettext_lazy("Remettre la tenue de travail et les équipements de protection, et montrer comment les utiliser."),
        0,
        Doer.WORKSITE_LEAD,
    ),
    (
        gettext_lazy("Règles de travail et de sécurité"),
        gettext_lazy("Présenter le règlement intérieur et les consignes de sécurité du poste."),
        1,
        Doer.SUPERVISOR,
    ),
    (
        gettext_lazy("Livret d'accueil remis"),
        gettext_lazy("Remettre le livret d'accueil et vérifier qu'il est compris."),
        1,
        Doer.COUNSELLOR,
    ),
    (
        gettext_lazy("Contrat et bulletin de paie expliqués"),
        gettext_lazy("Relire le contrat de travail ensemble et expliquer le premier bulletin de paie."),
        7,
        Doer.COUNSELLOR,
    ),
    (
        gettext_lazy("Instances représentatives du personnel"),
        gettext_lazy("Présenter les représentant·es du personnel et comment les joindre."),
        14,
        Doer.DIRECTOR,
    ),
    (
        gettext_lazy("Premier point sur les compétences"),
        gettext_lazy(
            "Observer le travail et faire un premier point sur les savoir-faire et les besoins d'apprentissage."
        ),
        14,
        Doer.SUPERVISOR,
    ),
    (
        gettext_lazy("Rendez-vous « questions »"),
        gettext_lazy("Un entretien pour répondre aux questions de la personne après ses premières semaines."),
        21,
        Doer.COUNSELLOR,
    ),
)


def default_templates(structure) -> list[WelcomeStepTemplate]:
    """The defaults as unsaved templates (a preview for a structure that has none)."""
    return [
        WelcomeStepTemplate(
            structure=structure,
            title=str(title),
            description=str(description),
            order=(index + 1) * 10,
            due_in_days=days,
            doer=doer,
        )
        for index, (title, description, days, doer) in enumerate(DEFAULT_STEPS)
    ]


def templates_for(structure) -> tuple[list[WelcomeStepTemplate], bool]:
    """The structure's templates (active or not), or the defaults preview; says whether they are stored."""
    stored = list(WelcomeStepTemplate.objects.filter(structure=structure))
    if stored:
        return stored, True
    return default_templates(structure), False


@transaction.atomic
def ensure_templates(structure) -> list[WelcomeStepTemplate]:
    """Stores the defaults for a structure that has no template yet, and returns its templates."""
    stored = list(WelcomeStepTemplate.objects.select_for_update().filter(structure=structure))
    if stored:
        return stored
    return WelcomeStepTemplate.objects.bulk_create(default_templates(structure))


@transaction.atomic
def add_template(structure, **fields) -> WelcomeStepTemplate:
    """Adds a step at the end of the structure's list (defaults stored first if it had none)."""
    ensure_templates(structure)
    last = WelcomeStepTemplate.objects.filter(structure=structure).aggregate(m=Max("order"))["m"] or 0
    template = WelcomeStepTemplate(structure=structure, order=last + 10, **fields)
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def move_template(template: WelcomeStepTemplate, direction: str) -> None:
    """Swaps the step with its neighbour above ("up") or below ("down"); renumbers the list on the way."""
    siblings = list(WelcomeStepTemplate.objects.select_for_update().filter(structure_id=template.structure_id))
    index = next(i for i, t in enumerate(siblings) if t.pk == template.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.order = (position + 1) * 10
    WelcomeStepTemplate.objects.bulk_update(siblings, ["order"])


def first_contract_start(pathway) -> datetime.date | None:
    """Start of the pathway's first contract: the welcome's day zero."""
    return pathway.contracts.aggregate(start=Min("start_date"))["start"]


@transaction.atomic
def start_checklist(pathway) -> list[WelcomeStep]:
    """Copies the structure's active templates into the pathway's checklist (once)."""
    existing = list(WelcomeStep.objects.select_for_update().filter(pathway=pathway))
    if existing:
        return existing
    if first_contract_start(pathway) is None:
        raise ValidationError(
            _("La liste d'accueil commence avec le premier contrat : aucun contrat n'est enregistré.")
        )
    templates = [t for t in ensure_templates(pathway.structure) if t.is_active]
    return WelcomeStep.objects.bulk_create(
        WelcomeStep(
            pathway=pathway,
            template=t,
            title=t.title,
            description=t.description,
            order=t.order,
            due_in_days=t.due_in_days,
            doer=t.doer,
        )
        for t in sorted(templates, key=lambda t: (t.order, t.pk))
    )


def mark_done(step: WelcomeStep, *, done_on: datetime.date, by, comment: str = "") -> WelcomeStep:
    """Ticks a step. A date in the future is refused: a step is ticked once it has happened."""
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("La date ne peut pas être dans le futur.")})
    step.done_on = done_on
    step.done_by = by
    step.comment = comment
    step.save()
    return step


def mark_not_done(step: WelcomeStep) -> WelcomeStep:
    step.done_on = None
    step.done_by = None
    step.save()
    return step


@dataclasses.dataclass
class Summary:
    done: int
    total: int
    late: int


def summarise(steps, contract_start: datetime.date | None, today: datetime.date | None = None) -> Summary:
    """Counts done and late steps of already loaded steps (no query)."""
    today = today or timezone.localdate()
    steps = list(steps)
    return Summary(
        done=sum(1 for s in steps if s.is_done),
        total=len(steps),
        late=sum(1 for s in steps if s.is_late(contract_start, today)),
    )
