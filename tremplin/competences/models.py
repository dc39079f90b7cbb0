"""Competence referentials (soft skills, ROME technical skills, a structure's own) and evaluations.

An evaluation session holds one row per competence (`Score`) where the person's self level
and the coach's level are entered independently, then compared.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.core.search_keys import search_key

MIN_LEVEL = 0
MAX_LEVEL = 5
LEVELS = range(MIN_LEVEL, MAX_LEVEL + 1)
# A gap this large between the person's and the coach's levels is worth talking about.
NOTABLE_GAP = 2

level_validators = [MinValueValidator(MIN_LEVEL), MaxValueValidator(MAX_LEVEL)]


class CompetenceKind(models.TextChoices):
    SOFT = "soft", _("Compétence transversale (savoir-être)")
    TECHNICAL = "technical", _("Compétence technique (ROME)")
    OWN = "own", _("Compétence propre à la structure")
    BASIC = "basic", _("Compétence de base (socle CléA, langues)")


class Family(models.TextChoices):
    METHODOLOGICAL = "methodological", _("Méthodologique")
    SOCIAL = "social", _("Sociale et relationnelle")
    CONTRIBUTORY = "contributory", _("Contributive")
    CLEA = "clea", _("Socle CléA")
    LANGUAGE = "language", _("Langue (niveaux du CECRL)")


class Review(models.TextChoices):
    """Whether a competence may be used: those a counsellor or supervisor proposes wait for the director."""

    APPROVED = "approved", _("Approuvée")
    PENDING = "pending", _("Proposée, en attente de la direction")
    REFUSED = "refused", _("Refusée")


def _english() -> bool:
    return (get_language() or "fr").startswith("en")


class CompetenceQuerySet(models.QuerySet):
    def available_to(self, structure) -> "CompetenceQuerySet":
        """The global catalogue (soft skills, basic skills, ROME skills) and the structure's own competences."""
        return self.filter(Q(structure__isnull=True) | Q(structure=structure))

    def chosen_by(self, structure) -> "CompetenceQuerySet":
        """What a structure evaluates: every soft and basic skill, the ROME skills it selected, its own."""
        return self.filter(
            Q(kind__in=[CompetenceKind.SOFT, CompetenceKind.BASIC], structure__isnull=True)
            | Q(kind=CompetenceKind.OWN, structure=structure)
            | Q(kind=CompetenceKind.TECHNICAL, selections__structure=structure)
        ).distinct()


class Competence(PublicModel):
    """One competence of a referential, with what each level 0–5 looks like in practice."""

    structure = models.ForeignKey(
        "structures.Structure",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="competences",
        help_text=_("Vide pour le catalogue commun (savoir-être, ROME)."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=CompetenceKind.choices)
    # A technical key (slug): ROME code, soft-skill slug, or the structure's own short code.
    code = models.SlugField(_("code"), max_length=60, help_text=_("Lettres, chiffres et tirets, sans espace."))
    family = models.CharField(_("famille"), max_length=20, choices=Family.choices, blank=True)
    name = models.CharField(_("intitulé"), max_length=300)
    name_en = models.CharField(_("intitulé en anglais"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description en anglais"), blank=True)
    levels = models.JSONField(
        _("niveaux observables"), default=list, blank=True, help_text=_("Six phrases, du niveau 0 au niveau 5.")
    )
    levels_en = models.JSONField(_("niveaux observables en anglais"), default=list, blank=True)
    rome_code = models.CharField(
        _("code ROME associé"),
        max_length=30,
        blank=True,
        help_text=_("Savoir-être professionnel ou macro-compétence du référentiel ROME 4.0."),
    )
    rome_category = models.CharField(_("catégorie ROME"), max_length=200, blank=True)
    esco_uri = models.URLField(_("identifiant ESCO"), max_length=300, blank=True)
    active = models.BooleanField(_("en usage"), default=True)
    # A competence proposed by a counsellor or a supervisor stays inactive until the director approves it.
    review = models.CharField(_("validation"), max_length=10, choices=Review.choices, default=Review.APPROVED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposée par"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("examinée par"),
    )
    reviewed_at = models.DateTimeField(_("examinée le"), null=True, blank=True)
    refusal_reason = models.TextField(_("motif du refus"), max_length=1000, blank=True)

    objects = CompetenceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "family", "name"]
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "code"], condition=Q(structure__isnull=False), name="competence_code_per_structure"
            ),
            models.UniqueConstraint(
                fields=["kind", "code"], condition=Q(structure__isnull=True), name="competence_code_global"
            ),
            # A proposal cannot be used before the director approves it.
            models.CheckConstraint(condition=Q(active=False) | Q(review="approved"), name="competence_active_approved"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name_en if _english() and self.name_en else self.name

    @property
    def display_description(self) -> str:
        return self.description_en if _english() and self.description_en else self.description

    @property
    def display_levels(self) -> list[str]:
        levels = self.levels_en if _english() and self.levels_en else self.levels
        return list(levels or [])

    @property
    def is_pending(self) -> bool:
        return self.review == Review.PENDING

    def level_text(self, level: int | None) -> str:
        levels = self.display_levels
        if level is None or not 0 <= level < len(levels):
            return ""
        return levels[level]

    @property
    def key(self) -> str:
        """Stable key shared with job matching: ROME code, "soft:<slug>", "basic:<slug>" or "own:<public id>"."""
        if self.kind == CompetenceKind.SOFT:
            return f"soft:{self.code}"
        if self.kind == CompetenceKind.BASIC:
            return f"basic:{self.code}"
        if self.kind == CompetenceKind.OWN:
            return f"own:{self.public_id}"
        return self.code


class RomeJob(models.Model):
    """A job sheet (fiche métier) of the ROME 4.0 referential."""

    code = models.SlugField(_("code ROME"), max_length=10, unique=True)
    title = models.CharField(_("intitulé"), max_length=300)
    competences = models.ManyToManyField(Competence, related_name="rome_jobs", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("métier ROME")
        verbose_name_plural = _("métiers ROME")

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"


class RomeAppellation(models.Model):
    """One of the names a job goes by (appellation)."""

    code = models.SlugField(_("code"), max_length=10, unique=True)
    job = models.ForeignKey(RomeJob, on_delete=models.CASCADE, related_name="appellations")
    title = models.CharField(_("intitulé"), max_length=300)
    # The title folded (accents, case, punctuation ignored) that the search by job name matches.
    search_text = models.CharField(max_length=300, editable=False, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("appellation ROME")
        verbose_name_plural = _("appellations ROME")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.title)[:300]
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class JobSelection(models.Model):
    """A ROME job that matters for the structure's worksites."""

    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(RomeJob, on_delete=models.CASCADE, related_name="selections")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["structure", "job"], name="job_selected_once")]

    def __str__(self) -> str:
        return str(self.job)


class CompetenceSelection(models.Model):
    """A ROME skill the structure evaluates on its worksites."""

    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="+")
    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="selections")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["structure", "competence"], name="competence_selected_once")]

    def __str__(self) -> str:
        return str(self.competence)


class Moment(models.TextChoices):
    ENTRY = "entry", _("Entrée")
    MID = "mid", _("Mi-parcours")
    EXIT = "exit", _("Sortie")
    OTHER = "other", _("Autre moment")


class SelfMode(models.TextChoices):
    LINK = "link", _("Par la personne, avec le lien")
    FACE_TO_FACE = "face_to_face", _("En entretien, saisie par l'accompagnant·e")


class EvaluationSessionQuerySet(models.QuerySet):
    def completed(self) -> "EvaluationSessionQuerySet":
        return self.filter(self_completed_at__isnull=False, coach_completed_at__isnull=False)


class EvaluationSession(PublicModel):
    """The person and the coach each rate the same competences, without seeing each other's grid."""

    pathway = models.ForeignKey("pathways.Pathway", on_delete=models.CASCADE, related_name="evaluation_sessions")
    held_on = models.DateField(_("date"), default=timezone.localdate)
    moment = models.CharField(_("moment du parcours"), max_length=10, choices=Moment.choices, default=Moment.OTHER)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("évaluateur·rice"),
    )
    coach_completed_at = models.DateTimeField(_("grille de l'accompagnant·e terminée le"), null=True, blank=True)
    self_completed_at = models.DateTimeField(_("auto-évaluation terminée le"), null=True, blank=True)
    self_mode = models.CharField(_("auto-évaluation saisie"), max_length=20, choices=SelfMode.choices, blank=True)
    self_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Quand l'auto-évaluation a été saisie en entretien."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = EvaluationSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("séance d'évaluation")
        verbose_name_plural = _("séances d'évaluation")
        indexes = [models.Index(fields=["pathway", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} — {self.held_on}"

    @property
    def is_complete(self) -> bool:
        """Both grids are in: only now may either side see the other's levels."""
        return self.self_completed_at is not None and self.coach_completed_at is not None

    @property
    def completed_at(self) -> datetime.datetime | None:
        if not self.is_complete:
            return None
        return max(self.self_completed_at, self.coach_completed_at)


class Score(models.Model):
    """One competence of a session: the two levels and the comment agreed when discussing them."""

    session = models.ForeignKey(EvaluationSession, on_delete=models.CASCADE, related_name="scores")
    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="scores")
    position = models.PositiveSmallIntegerField(default=0)
    self_level = models.PositiveSmallIntegerField(
        _("niveau selon la personne"), null=True, blank=True, validators=level_validators
    )
    coach_level = models.PositiveSmallIntegerField(
        _("niveau selon l'accompagnant·e"), null=True, blank=True, validators=level_validators
    )
    comment = models.TextField(_("commentaire partagé"), max_length=1000, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("évaluation d'une compétence")
        verbose_name_plural = _("évaluations des compétences")
        constraints = [
            models.UniqueConstraint(fields=["session", "competence"], name="score_once_per_competence"),
            models.CheckConstraint(
                condition=Q(self_level__isnull=True) | Q(self_level__lte=MAX_LEVEL), name="score_self_level_0_5"
            ),
            models.CheckConstraint(
                condition=Q(coach_level__isnull=True) | Q(coach_level__lte=MAX_LEVEL), name="score_coach_level_0_5"
            ),
        ]

    def __str__(self) -> str:
        return str(self.competence)

    @property
    def gap(self) -> int | None:
        if self.self_level is None or self.coach_level is None:
            return None
        return self.self_level - self.coach_level

    @property
    def notable_gap(self) -> bool:
        return self.gap is not None and abs(self.gap) >= NOTABLE_GAP


class SelfEvaluationLink(PublicModel):
    """A single-use, expiring link the coach hands to the person (they have no account)."""

    session = models.ForeignKey(EvaluationSession, on_delete=models.CASCADE, related_name="links")
    expires_at = models.DateTimeField(_("expire le"))
    used_at = models.DateTimeField(_("utilisé le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lien d'auto-évaluation")
        verbose_name_plural = _("liens d'auto-évaluation")

    def is_usable(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.used_at is None and self.revoked_at is None and self.expires_at > now


class EvidenceKind(models.TextChoices):
    OBSERVATION = "observation", _("Situation observée")
    PHOTO = "photo", _("Photo d'un travail réalisé")
    ATTESTATION = "attestation", _("Attestation")
    OTHER = "other", _("Autre")


class Evidence(PublicModel):
    """What shows a competence: a situation described, or a file kept in the person's documents."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("type de preuve"), max_length=20, choices=EvidenceKind.choices)
    description = models.CharField(_("description"), max_length=500)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fichier"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("preuve")
        verbose_name_plural = _("preuves")

    def __str__(self) -> str:
        return self.get_kind_display()
