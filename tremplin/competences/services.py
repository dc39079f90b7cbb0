"""Business rules of competences: acquired levels, sessions, the two grids, self-evaluation links.

The two grids of a session are entered independently: nothing here ever returns the
other side's levels before both grids are complete (see `levels_visible`).
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .basic_skills import CEFR_LEVELS, CEFR_LEVELS_EN
from .models import (
    MAX_LEVEL,
    MIN_LEVEL,
    Competence,
    CompetenceKind,
    EvaluationSession,
    Family,
    Review,
    Score,
    SelfEvaluationLink,
    SelfMode,
)

LINK_SALT = "tremplin.competences.self-evaluation"
LINK_HOURS = 72


def acquired_competences(person) -> dict[str, int]:
    """Competence key -> the coach's level in the latest completed session that evaluated it.

    Keys are `Competence.key` (ROME code, "soft:<slug>", "basic:<slug>", "own:<public id>"); used by job matching.
    """
    sessions = EvaluationSession.objects.completed().filter(pathway__person=person)
    scores = (
        Score.objects.filter(session__in=sessions, coach_level__isnull=False)
        .select_related("competence")
        .order_by("session__held_on", "session__coach_completed_at", "session_id")
    )
    acquired: dict[str, int] = {}
    for score in scores:
        acquired[score.competence.key] = score.coach_level
    return acquired


def create_session(
    pathway, *, held_on: datetime.date, moment: str, competences: Iterable[Competence], coach, created_by=None
) -> EvaluationSession:
    """A session on the chosen competences, each available to the pathway's structure."""
    competences = list(dict.fromkeys(competences))
    if not competences:
        raise ValidationError({"competences": _("Choisissez au moins une compétence à évaluer.")})
    foreign = [c for c in competences if c.structure_id not in (None, pathway.structure_id)]
    if foreign:
        raise ValidationError({"competences": _("Choisissez des compétences de votre structure.")})
    if any(not c.active for c in competences):
        raise ValidationError({"competences": _("Choisissez des compétences en usage dans votre structure.")})
    with transaction.atomic():
        session = EvaluationSession(
            pathway=pathway, held_on=held_on, moment=moment, coach=coach, created_by=created_by or coach
        )
        session.full_clean(exclude=["coach"])
        session.save()
        Score.objects.bulk_create([Score(session=session, competence=c, position=n) for n, c in enumerate(competences)])
    return session


def addable_competences(session: EvaluationSession):
    """What may still be added to `session`: the structure's catalogue in use, less what the session holds."""
    return (
        Competence.objects.chosen_by(session.pathway.structure)
        .filter(active=True)
        .exclude(pk__in=session.scores.values("competence"))
    )


def add_competence(session: EvaluationSession, competence: Competence, *, by) -> Score:
    """A competence added to a session, with no level yet, until the person's grid is in.

    If the coach's grid was already filled, it must be completed again for the new competence
    (its other levels are kept and shown again in the grid).
    """
    with transaction.atomic():
        locked = _lock(session)
        if locked.self_completed_at is not None:
            raise ValidationError(
                _(
                    "L'auto-évaluation de cette séance est déjà enregistrée : "
                    "évaluez cette compétence lors d'une nouvelle séance."
                )
            )
        if not addable_competences(locked).filter(pk=competence.pk).exists():
            raise ValidationError(
                _("Choisissez une compétence du référentiel de votre structure qui n'est pas déjà dans la séance.")
            )
        position = (locked.scores.aggregate(last=Max("position"))["last"] or 0) + 1
        score = Score.objects.create(session=locked, competence=competence, position=position)
        if locked.coach_completed_at is not None:
            locked.coach_completed_at = None
            locked.save(update_fields=["coach_completed_at", "updated_at"])
    return score


def parse_levels(session: EvaluationSession, raw: Mapping[str, object]) -> dict[int, int]:
    """Score id -> level from `{competence public id: level}`; every competence of the session, 0–5.

    Raises one ValidationError listing every problem, naming the competence.
    """
    scores = {str(s.competence.public_id): s for s in session.scores.select_related("competence")}
    errors: list[str] = []
    for key in raw:
        if str(key) not in scores:
            errors.append(_("Cette compétence ne fait pas partie de la séance : %(key)s.") % {"key": key})
    levels: dict[int, int] = {}
    for key, score in scores.items():
        value = raw.get(key)
        if value in (None, ""):
            errors.append(_("%(competence)s : choisissez un niveau.") % {"competence": score.competence})
            continue
        try:
            level = int(str(value))
        except ValueError:
            level = None
        if level is None or not MIN_LEVEL <= level <= MAX_LEVEL:
            errors.append(
                _("%(competence)s : le niveau doit être un nombre entier de %(min)s à %(max)s.")
                % {"competence": score.competence, "min": MIN_LEVEL, "max": MAX_LEVEL}
            )
            continue
        levels[score.pk] = level
    if errors:
        raise ValidationError(errors)
    return levels


def _lock(session: EvaluationSession) -> EvaluationSession:
    return EvaluationSession.objects.select_for_update().get(pk=session.pk)


def record_coach_levels(session: EvaluationSession, raw: Mapping[str, object], *, by) -> EvaluationSession:
    """The coach's whole grid; may be corrected until the person's grid is in too."""
    levels = parse_levels(session, raw)
    with transaction.atomic():
        locked = _lock(session)
        if locked.is_complete:
            raise ValidationError(_("Les deux grilles sont déjà remplies : la grille ne peut plus être modifiée."))
        for score in locked.scores.all():
            score.coach_level = levels[score.pk]
            score.save(update_fields=["coach_level"])
        locked.coach = by
        locked.coach_completed_at = timezone.now()
        locked.save(update_fields=["coach", "coach_completed_at", "updated_at"])
    return locked


def record_self_levels(
    session: EvaluationSession, raw: Mapping[str, object], *, mode: str, by=None
) -> EvaluationSession:
    """The person's grid, entered once: by the person through the link, or by a coach face to face."""
    levels = parse_levels(session, raw)
    with transaction.atomic():
        locked = _lock(session)
        if locked.self_completed_at is not None:
            raise ValidationError(_("L'auto-évaluation de cette séance est déjà enregistrée."))
        for score in locked.scores.all():
            score.self_level = levels[score.pk]
            score.save(update_fields=["self_level"])
        locked.self_mode = mode
        locked.self_entered_by = by if mode == SelfMode.FACE_TO_FACE else None
        locked.self_completed_at = timezone.now()
        locked.save(update_fields=["self_mode", "self_entered_by", "self_completed_at", "updated_at"])
        # No other link of this session may be used any more.
        locked.links.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return locked


def record_comments(session: EvaluationSession, comments: Mapping[str, str]) -> None:
    """The comments agreed while comparing the grids; only once both grids are in."""
    if not session.is_complete:
        raise ValidationError(_("Les commentaires se saisissent une fois les deux grilles remplies."))
    scores = {str(s.competence.public_id): s for s in session.scores.select_related("competence")}
    unknown = [key for key in comments if key not in scores]
    if unknown:
        raise ValidationError(_("Cette compétence ne fait pas partie de la séance : %(key)s.") % {"key": unknown[0]})
    with transaction.atomic():
        for key, text in comments.items():
            score = scores[key]
            score.comment = (text or "").strip()
            score.full_clean(exclude=["session", "competence"])
            score.save(update_fields=["comment"])


def levels_visible(session: EvaluationSession) -> bool:
    """Whether anyone may see both sides' levels: only once both grids are complete."""
    return session.is_complete


# Self-evaluation links ---------------------------------------------------------------


def issue_link(session: EvaluationSession, *, by, hours: int = LINK_HOURS) -> tuple[SelfEvaluationLink, str]:
    """A new single-use link (earlier unused ones are cancelled) and its signed token."""
    if session.self_completed_at is not None:
        raise ValidationError(_("L'auto-évaluation de cette séance est déjà enregistrée."))
    now = timezone.now()
    with transaction.atomic():
        session.links.filter(used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
        link = SelfEvaluationLink.objects.create(
            session=session, expires_at=now + datetime.timedelta(hours=hours), created_by=by
        )
    return link, token_for(link)


def token_for(link: SelfEvaluationLink) -> str:
    return signing.dumps(str(link.public_id), salt=LINK_SALT, compress=False)


def link_from_token(token: str) -> SelfEvaluationLink | None:
    """The link behind a token if the signature is right and the link still usable, else None."""
    try:
        public_id = signing.loads(token, salt=LINK_SALT, max_age=datetime.timedelta(hours=LINK_HOURS * 2))
    except signing.BadSignature:
        return None
    link = (
        SelfEvaluationLink.objects.select_related("session__pathway__person", "session__pathway__structure")
        .filter(public_id=public_id)
        .first()
    )
    if link is None or not link.is_usable():
        return None
    return link


def submit_through_link(token: str, raw: Mapping[str, object]) -> EvaluationSession:
    """The person's grid sent from the link; the link dies with it."""
    link = link_from_token(token)
    if link is None:
        raise ValidationError(_("Ce lien n'est plus valable. Demandez un nouveau lien à votre accompagnant·e."))
    with transaction.atomic():
        locked = SelfEvaluationLink.objects.select_for_update().get(pk=link.pk)
        if not locked.is_usable():
            raise ValidationError(_("Ce lien n'est plus valable. Demandez un nouveau lien à votre accompagnant·e."))
        session = record_self_levels(link.session, raw, mode=SelfMode.LINK)
        locked.used_at = timezone.now()
        locked.save(update_fields=["used_at", "updated_at"])
    return session


# Competences proposed by the team, approved by the director ---------------------------


def _free_code(structure, name: str) -> str:
    base = (slugify(name)[:50] or "competence").upper()
    code, n = base, 1
    while Competence.objects.filter(structure=structure, code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


def propose_competence(
    structure,
    *,
    by,
    name: str,
    description: str = "",
    levels: list[str] | None = None,
    family: str = "",
    approve: bool = False,
) -> Competence:
    """A new competence of the structure, waiting for the director (or approved at once when `approve`).

    A language proposed without level texts gets the general CEFR descriptors of the catalogue.
    """
    levels = [text.strip() for text in (levels or [])]
    levels_en: list[str] = []
    if not any(levels):
        levels = list(CEFR_LEVELS) if family == Family.LANGUAGE else []
        levels_en = list(CEFR_LEVELS_EN) if family == Family.LANGUAGE else []
    competence = Competence(
        structure=structure,
        kind=CompetenceKind.OWN,
        code=_free_code(structure, name),
        family=family,
        name=name.strip(),
        description=description.strip(),
        levels=levels,
        levels_en=levels_en,
        active=False,
        review=Review.PENDING,
        proposed_by=by,
    )
    competence.full_clean()
    with transaction.atomic():
        competence.save()
        if approve:
            approve_proposal(competence, by=by)
    return competence


def _pending(competence: Competence) -> Competence:
    locked = Competence.objects.select_for_update().get(pk=competence.pk)
    if locked.review != Review.PENDING:
        raise ValidationError(_("Cette proposition a déjà été examinée."))
    return locked


def approve_proposal(competence: Competence, *, by) -> Competence:
    """The director approves: the competence may be added to evaluations from now on."""
    with transaction.atomic():
        locked = _pending(competence)
        locked.review = Review.APPROVED
        locked.active = True
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.refusal_reason = ""
        locked.save(update_fields=["review", "active", "reviewed_by", "reviewed_at", "refusal_reason", "updated_at"])
    return locked


def refuse_proposal(competence: Competence, *, by, reason: str) -> Competence:
    """The director refuses, saying why; the competence stays unusable."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Motif du refus : dites pourquoi en une phrase, la personne qui a proposé le lira."))
    if len(reason) > 1000:
        raise ValidationError(_("Motif du refus : 1000 caractères au plus."))
    with transaction.atomic():
        locked = _pending(competence)
        locked.review = Review.REFUSED
        locked.active = False
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.refusal_reason = reason
        locked.save(update_fields=["review", "active", "reviewed_by", "reviewed_at", "refusal_reason", "updated_at"])
    return locked
