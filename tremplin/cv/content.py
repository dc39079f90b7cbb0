"""What a CV shows, built from the person's file: experiences (the portfolio's, informal ones included, and the
contracts held in the structure), competences acquired at level 3 or more, basic skills (CléA domains) acquired
at level 3 or more and languages at their CEFR level (A1 or more) in sections of their own, trainings,
certifications still valid, and badges in force. The draft (models.CvDraft) only hides and orders these items.

One page: each section keeps its first items only (LIMITS); the editor says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CvDraft

ACQUIRED_LEVEL = 3
DESCRIPTION_LIMIT = 140
# Items per section that fit on one A4 page with the layout of cv/cv_page.html.
LIMITS = {
    "experience": 5,
    "competence": 8,
    "basic": 7,
    "language": 4,
    "training": 3,
    "certification": 4,
    "badge": 3,
}
SECTIONS = (
    ("experience", _("Expériences")),
    ("competence", _("Compétences")),
    ("basic", _("Compétences de base")),
    ("language", _("Langues")),
    ("training", _("Formations")),
    ("certification", _("Certifications et habilitations")),
    ("badge", _("Badges")),
)
# Portfolio kinds that a JSON Resume puts under "volunteer" rather than "work".
UNPAID_KINDS = {"volunteering", "informal", "family"}


@dataclass
class CvItem:
    key: str
    section: str
    title: str
    organisation: str = ""
    place: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    ongoing: bool = False
    description: str = ""
    level: int | None = None
    kind: str = ""
    kind_label: str = ""

    @property
    def short_description(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 1].rstrip() + "…"


@dataclass
class Cv:
    person: object
    draft: CvDraft
    sections: list[tuple[str, str, list[CvItem]]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        """Languages the person listed, less those shown with an assessed level in the « Langues » section."""
        if not self.draft.show_languages:
            return []
        assessed = {name.lower() for name in self.assessed_language_names}
        names = [name.strip() for name in (self.person.languages or "").split(",") if name.strip()]
        return [name for name in names if name.lower() not in assessed]

    @property
    def assessed_language_names(self) -> list[str]:
        for section, _label, items in self.sections:
            if section == "language":
                return [name for item in items for name in (item.title, item.organisation) if name]
        return []


def draft_for(person) -> CvDraft:
    """The saved draft, or an unsaved one with the defaults (reading a CV never writes)."""
    try:
        return person.cv_draft
    except CvDraft.DoesNotExist:
        return CvDraft(person=person)


def _experiences(person) -> list[CvItem]:
    from tremplin.portfolio.models import Experience

    return [
        CvItem(
            key=f"experience:{row.public_id}",
            section="experience",
            title=row.title,
            organisation=row.organisation,
            place=row.place,
            start=row.started_on,
            end=row.ended_on,
            description=row.description,
            kind=row.kind,
            kind_label=str(row.get_kind_display()),
        )
        for row in Experience.objects.filter(person=person)
    ]


def _contracts(person) -> list[CvItem]:
    """The jobs held in the structure: one item per chain of renewals (its last contract)."""
    from tremplin.contracts.models import Contract, ContractStatus

    contracts = list(
        Contract.objects.filter(pathway__person=person)
        .exclude(status__in=[ContractStatus.RENEWED, ContractStatus.PLANNED, ContractStatus.CANCELLED])
        .select_related("pathway__structure", "worksite", "renews")
    )
    by_id = {c.pk: c for c in Contract.objects.filter(pathway__person=person).only("id", "renews_id", "start_date")}
    items = []
    for contract in contracts:
        start, link = contract.start_date, contract.renews_id
        while link is not None and link in by_id:
            start, link = by_id[link].start_date, by_id[link].renews_id
        ongoing = contract.status in (ContractStatus.ACTIVE, ContractStatus.SUSPENDED)
        items.append(
            CvItem(
                key=f"contract:{contract.public_id}",
                section="experience",
                title=contract.position,
                organisation=contract.host_organisation or contract.pathway.structure.name,
                place=(contract.worksite.city if contract.worksite else "") or contract.pathway.structure.city,
                start=start,
                end=None if ongoing else contract.effective_end_date,
                ongoing=ongoing,
                description=contract.worksite.activity if contract.worksite else "",
                kind="job",
            )
        )
    return items


def _competences(person, acquired: dict[str, int] | None = None) -> list[CvItem]:
    """Technical, soft and the structure's own competences acquired (basic skills have their own sections)."""
    from tremplin.competences.models import Competence, CompetenceKind
    from tremplin.competences.services import acquired_competences

    if acquired is None:
        acquired = acquired_competences(person)
    acquired = {key: level for key, level in acquired.items() if level >= ACQUIRED_LEVEL}
    if not acquired:
        return []
    soft = [key.removeprefix("soft:") for key in acquired if key.startswith("soft:")]
    own = [key.removeprefix("own:") for key in acquired if key.startswith("own:")]
    technical = [key for key in acquired if ":" not in key]
    query = Q(kind=CompetenceKind.SOFT, structure__isnull=True, code__in=soft) | Q(
        kind=CompetenceKind.TECHNICAL, structure__isnull=True, code__in=technical
    )
    if own:
        query |= Q(kind=CompetenceKind.OWN, structure=person.structure_id, public_id__in=own)
    items = []
    for competence in Competence.objects.filter(query):
        key = competence.key
        if key in acquired:
            items.append(
                CvItem(
                    key=f"competence:{key}", section="competence", title=competence.display_name, level=acquired[key]
                )
            )
    items.sort(key=lambda item: (-(item.level or 0), item.title))
    return items


# The 0–5 grid level of a language, as its CEFR level (0 = not yet A1 is not shown on a CV).
CEFR = {1: "A1", 2: "A2", 3: "B1", 4: "B2", 5: "C1"}


def _basic_skills(person, acquired: dict[str, int]) -> tuple[list[CvItem], list[CvItem]]:
    """Basic skills of the catalogue (issue 15): the CléA domains acquired at level 3 or more, and the
    languages at A1 or more with their CEFR level, each in a section of its own rather than mixed in."""
    from tremplin.competences.models import Competence, CompetenceKind, Family

    codes = {key.removeprefix("basic:"): level for key, level in acquired.items() if key.startswith("basic:")}
    if not codes:
        return [], []
    skills, languages = [], []
    for competence in Competence.objects.filter(
        kind=CompetenceKind.BASIC, structure__isnull=True, code__in=list(codes)
    ):
        level = codes[competence.code]
        if competence.family == Family.LANGUAGE and level in CEFR:
            languages.append(
                CvItem(
                    key=f"language:{competence.code}",
                    section="language",
                    title=competence.display_name,
                    organisation=competence.name,  # the French name, to leave out the same language listed by hand
                    level=level,
                    kind=CEFR[level],
                    kind_label=CEFR[level],
                )
            )
        elif competence.family != Family.LANGUAGE and level >= ACQUIRED_LEVEL:
            skills.append(
                CvItem(key=f"basic:{competence.code}", section="basic", title=competence.display_name, level=level)
            )
    for items in (skills, languages):
        items.sort(key=lambda item: (-(item.level or 0), item.title))
    return skills, languages


def _trainings(person) -> list[CvItem]:
    from tremplin.portfolio.models import Training

    return [
        CvItem(
            key=f"training:{row.public_id}",
            section="training",
            title=row.title,
            organisation=row.organisation,
            start=row.started_on,
            end=row.ended_on,
            description=row.description,
            kind="obtained" if row.obtained else "",
        )
        for row in Training.objects.filter(person=person)
    ]


def _certifications(person, today: datetime.date) -> list[CvItem]:
    from tremplin.portfolio.models import Certification

    return [
        CvItem(
            key=f"certification:{row.public_id}",
            section="certification",
            title=row.name,
            organisation=row.issuer,
            start=row.obtained_on,
            end=row.expires_on,
        )
        for row in Certification.objects.filter(person=person).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )
    ]


def _badges(person) -> list[CvItem]:
    from tremplin.badges.models import Award

    now = timezone.now()
    awards = (
        Award.objects.filter(person=person)
        .in_force()
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
        .select_related("achievement__structure")
    )
    return [
        CvItem(
            key=f"badge:{award.public_id}",
            section="badge",
            title=award.achievement.name,
            organisation=award.achievement.structure.name,
            start=timezone.localdate(award.awarded_at),
            level=award.level,
        )
        for award in awards
    ]


def candidates(person, today: datetime.date | None = None) -> dict[str, list[CvItem]]:
    """Every item the CV could show, per section, in its natural order (most recent first)."""
    today = today or timezone.localdate()
    experiences = _contracts(person) + _experiences(person)
    experiences.sort(key=lambda item: (item.ongoing, item.end or item.start or datetime.date.min), reverse=True)
    from tremplin.competences.services import acquired_competences

    acquired = acquired_competences(person)
    basic, languages = _basic_skills(person, acquired)
    return {
        "experience": experiences,
        "competence": _competences(person, acquired),
        "basic": basic,
        "language": languages,
        "training": _trainings(person),
        "certification": _certifications(person, today),
        "badge": _badges(person),
    }


def ordered(items: list[CvItem], ranks: dict) -> list[CvItem]:
    """Items with a chosen position first (smaller first), then the others in their natural order."""
    positions = {item.key: index for index, item in enumerate(items)}

    def sort_key(item: CvItem):
        rank = ranks.get(item.key)
        return (0, rank, positions[item.key]) if isinstance(rank, int) else (1, 0, positions[item.key])

    return sorted(items, key=sort_key)


def build_cv(person, draft: CvDraft | None = None, today: datetime.date | None = None, items: dict | None = None) -> Cv:
    """The CV as the draft shapes it: hidden items out, chosen order, each section cut to its one-page limit."""
    draft = draft or draft_for(person)
    hidden = set(draft.hidden or [])
    every = items if items is not None else candidates(person, today)
    cv = Cv(person=person, draft=draft)
    for section, label in SECTIONS:
        shown = [item for item in ordered(every[section], draft.ranks or {}) if item.key not in hidden]
        limit = LIMITS[section]
        if len(shown) > limit:
            cv.left_out[section] = len(shown) - limit
        cv.sections.append((section, label, shown[:limit]))
    return cv
