"""Badge operations: issuer and keys, badge definitions, awarding, revoking, verifying.

Each operation checks everything first, then writes in one transaction: nothing is half-saved.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf, credentials, dataintegrity, images, keys
from .models import Award, Issuer, SigningKey

# ValidationError codes the forms turn into a confirmation checkbox.
CRITERIA_NOT_MET = "criteria_not_met"
REVOKED_BEFORE = "revoked_before"


# --- Issuer and keys -------------------------------------------------------------------------


@transaction.atomic
def create_issuer(structure, *, name: str = "", url: str = "", email: str = "", description: str = "", did_method=""):
    """The structure becomes an issuer, with its first signing key."""
    if Issuer.objects.filter(structure=structure).exists():
        raise ValidationError(_("Cette structure est déjà émettrice de badges."))
    issuer = Issuer.objects.create(
        structure=structure,
        name=(name or structure.name).strip(),
        url=url,
        email=email or getattr(structure, "email", "") or "",
        description=description,
        did_method=did_method or conf.default_did_method(),
    )
    _new_key(issuer, 1)
    return issuer


def _new_key(issuer, number: int) -> SigningKey:
    encrypted, public = keys.generate()
    return SigningKey.objects.create(issuer=issuer, number=number, public_key=public, private_key_encrypted=encrypted)


@transaction.atomic
def rotate_key(issuer) -> SigningKey:
    """A new key signs from now on; the old one is retired but stays published for verification."""
    current = list(SigningKey.objects.select_for_update().filter(issuer=issuer))
    for key in current:
        if key.retired_at is None:
            key.retired_at = timezone.now()
            key.save(update_fields=["retired_at", "updated_at"])
    return _new_key(issuer, max((k.number for k in current), default=0) + 1)


def active_key(issuer) -> SigningKey:
    key = SigningKey.objects.filter(issuer=issuer, retired_at__isnull=True).first()
    if key is None:
        raise ValidationError(_("L'émetteur n'a pas de clé de signature active."))
    return key


# --- Badge definitions -----------------------------------------------------------------------


def image_of(achievement) -> tuple[bytes, str]:
    """The uploaded image, or one generated from the badge's name."""
    if achievement.image:
        data = bytes(achievement.image)
        if achievement.image_type != "image/svg+xml":
            return data, achievement.image_type
        try:  # an SVG stored before uploads were rebuilt from the allow-list is cleaned on the way out
            return images.svg.sanitise(data), achievement.image_type
        except images.svg.UnsafeSvg:
            pass
    return images.generated_svg(achievement.name, str(achievement.public_id)), "image/svg+xml"


def fill_alignment(achievement) -> None:
    """Copies the chosen competence's referential identifiers into the alignment fields left empty."""
    competence = achievement.competence
    if competence is None:
        return
    if competence.esco_uri and not achievement.alignment_url:
        achievement.alignment_url = competence.esco_uri
    if not achievement.alignment_framework:
        if competence.kind == "own":
            achievement.alignment_framework = "OWN"
        elif competence.rome_code or competence.kind == "technical":
            achievement.alignment_framework = "ROME"
        elif competence.esco_uri:
            achievement.alignment_framework = "ESCO"
        else:
            achievement.alignment_framework = "OWN"
    if not achievement.alignment_code:
        achievement.alignment_code = competence.rome_code or competence.code
    if not achievement.alignment_name:
        achievement.alignment_name = competence.name


# --- Awards ----------------------------------------------------------------------------------


def latest_coach_level(achievement, person) -> int | None:
    """The coach's level for the badge's competence in the person's latest evaluation (coach grid completed)."""
    if achievement.competence_id is None:
        return None
    from tremplin.competences.models import Score

    score = (
        Score.objects.filter(
            session__pathway__person=person,
            session__coach_completed_at__isnull=False,
            competence_id=achievement.competence_id,
            coach_level__isnull=False,
        )
        .order_by("-session__held_on", "-session__created_at")
        .values_list("coach_level", flat=True)
        .first()
    )
    return score


def latest_levels(achievement, person_ids) -> dict:
    """latest_coach_level for many people at once (one query): person id -> level."""
    if achievement.competence_id is None:
        return {}
    from tremplin.competences.models import Score

    rows = (
        Score.objects.filter(
            session__pathway__person_id__in=list(person_ids),
            session__coach_completed_at__isnull=False,
            competence_id=achievement.competence_id,
            coach_level__isnull=False,
        )
        .order_by("session__held_on", "session__created_at")
        .values_list("session__pathway__person_id", "coach_level")
    )
    return dict(rows)  # later rows (more recent sessions) win


@dataclass
class Check:
    """What stands in the way of an award: blocking errors, and warnings that need a confirmation."""

    errors: list
    warnings: dict  # code -> message


def check_award(achievement, pathway, level: int | None, *, now=None) -> Check:
    person = pathway.person
    errors, warnings = [], {}
    if achievement.structure_id != pathway.structure_id:
        errors.append(_("Ce badge n'appartient pas à la structure de la personne."))
    if not achievement.active:
        errors.append(_("Ce badge n'est plus attribué."))
    if level is not None and not 0 <= level <= 5:
        errors.append(_("Le niveau doit être compris entre 0 et 5."))
    earlier = [a for a in Award.objects.filter(achievement=achievement, person=person)]
    if any(not a.is_revoked and not a.is_expired(now) for a in earlier):
        errors.append(_("%(person)s détient déjà ce badge, en cours de validité.") % {"person": person.full_name})
    elif any(a.is_revoked for a in earlier):
        warnings[REVOKED_BEFORE] = _(
            "Ce badge a été révoqué pour %(person)s. Confirmez pour l'attribuer à nouveau."
        ) % {"person": person.full_name}
    if achievement.required_level is not None:
        latest = latest_coach_level(achievement, person)
        if latest is None:
            warnings[CRITERIA_NOT_MET] = _(
                "Aucune évaluation de l'accompagnant·e n'atteste le niveau requis (%(required)s) pour %(person)s. "
                "Confirmez pour attribuer quand même."
            ) % {"required": achievement.required_level, "person": person.full_name}
        elif latest < achievement.required_level:
            warnings[CRITERIA_NOT_MET] = _(
                "La dernière évaluation de %(person)s est au niveau %(latest)s, en dessous du niveau requis "
                "(%(required)s). Confirmez pour attribuer quand même."
            ) % {"latest": latest, "required": achievement.required_level, "person": person.full_name}
    return Check(errors, warnings)


def issue(award, issuer, key, private_key, image) -> dict:
    """Builds and signs the credential of an (unsaved) award."""
    document = credentials.build(award, issuer, key, image)
    return dataintegrity.sign(document, private_key, credentials.verification_method(issuer, key), award.awarded_at)


def _valid_until(achievement, awarded_at: datetime.datetime) -> datetime.datetime | None:
    if not achievement.validity_months:
        return None
    return awarded_at + datetime.timedelta(days=round(achievement.validity_months * 30.44))


@transaction.atomic
def award_many(
    achievement,
    pathways,
    *,
    by,
    levels: dict | None = None,
    confirm: set | frozenset = frozenset(),
    now=None,
) -> list[Award]:
    """Awards the badge to the person of each pathway, all or none.

    `levels` maps a pathway's pk to the level to put in the credential (default: the latest coach
    level). `confirm` holds the warning codes the user confirmed (CRITERIA_NOT_MET, REVOKED_BEFORE).
    """
    try:
        issuer = Issuer.objects.get(structure_id=achievement.structure_id)
    except Issuer.DoesNotExist:
        raise ValidationError(
            _("La structure n'est pas encore émettrice de badges : créez d'abord son profil.")
        ) from None
    key = active_key(issuer)
    private_key = keys.decrypt(key.private_key_encrypted)
    image = image_of(achievement)
    now = now or timezone.now()
    levels = levels or {}
    problems = []
    prepared = []
    for pathway in pathways:
        level = levels.get(pathway.pk, latest_coach_level(achievement, pathway.person))
        check = check_award(achievement, pathway, level, now=now)
        problems += check.errors
        problems += [message for code, message in check.warnings.items() if code not in confirm]
        prepared.append((pathway, level))
    if problems:
        raise ValidationError(problems)
    awards = []
    for pathway, level in prepared:
        award = Award(
            achievement=achievement,
            person=pathway.person,
            pathway=pathway,
            signing_key=key,
            awarded_at=now,
            awarded_by=by,
            level=level,
            valid_until=_valid_until(achievement, now),
        )
        award.credential = issue(award, issuer, key, private_key, image)
        award.save()
        awards.append(award)
    return awards


def award_badge(achievement, pathway, *, by, level=None, confirm=frozenset(), now=None) -> Award:
    levels = {pathway.pk: level} if level is not None else None
    return award_many(achievement, [pathway], by=by, levels=levels, confirm=confirm, now=now)[0]


@transaction.atomic
def revoke(award, *, by, reason: str) -> Award:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez le motif de la révocation.")})
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.is_revoked:
        raise ValidationError(_("Ce badge est déjà révoqué."))
    award.revoked_at = timezone.now()
    award.revoked_by = by
    award.revocation_reason = reason
    award.save(update_fields=["revoked_at", "revoked_by", "revocation_reason", "updated_at"])
    return award


# --- Verification ----------------------------------------------------------------------------


@dataclass
class Verification:
    status: str  # valid, revoked, expired, invalid
    signature_ok: bool
    error: str = ""


def verify_award(award, *, now=None) -> Verification:
    """Our own check of the stored credential (its signature with the key that signed it) and its status."""
    try:
        dataintegrity.verify(award.credential, bytes(award.signing_key.public_key))
    except dataintegrity.ProofError as error:
        return Verification("invalid", False, str(error))
    return Verification(award.status(now), True)
