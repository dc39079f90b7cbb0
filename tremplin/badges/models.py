"""Open Badges 3.0: the structure as issuer (profile, signing keys), badge definitions, awards.

An award keeps the signed credential exactly as issued (a JSON document): it is what the person
downloads and what anyone can verify. Revoking marks the award; the credential itself never changes.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel

MAX_LEVEL = 5


class DidMethod(models.TextChoices):
    WEB = "web", _("did:web, à l'adresse de la structure sur cette installation")
    WEB_ROOT = "web_root", _("did:web, au nom de domaine de l'installation (une seule structure)")
    KEY = "key", _("did:key, dérivé de la clé (hors ligne, essais)")


class ImageType(models.TextChoices):
    PNG = "image/png", "PNG"
    SVG = "image/svg+xml", "SVG"


class Issuer(PublicModel):
    """The structure as a badge issuer: the profile that appears in every credential it signs."""

    structure = models.OneToOneField(
        "structures.Structure", on_delete=models.CASCADE, related_name="badge_issuer", verbose_name=_("structure")
    )
    name = models.CharField(_("nom de l'émetteur"), max_length=200)
    url = models.URLField(_("site internet"), blank=True)
    email = models.EmailField(_("courriel de contact"), blank=True)
    description = models.TextField(_("présentation"), max_length=2000, blank=True)
    image = models.BinaryField(_("logo"), blank=True, null=True, editable=False)
    image_type = models.CharField(_("format du logo"), max_length=20, choices=ImageType.choices, blank=True)
    did_method = models.CharField(_("identifiant décentralisé"), max_length=10, choices=DidMethod.choices)

    class Meta:
        verbose_name = _("émetteur de badges")
        verbose_name_plural = _("émetteurs de badges")
        constraints = [
            models.UniqueConstraint(fields=["did_method"], condition=Q(did_method="web_root"), name="one_root_issuer")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def active_key(self) -> "SigningKey | None":
        return next((key for key in self.keys.all() if key.retired_at is None), None)


class SigningKey(PublicModel):
    """An Ed25519 key pair; the private half encrypted at rest (keys.py). Retired keys stay published
    so that the credentials they signed still verify."""

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    number = models.PositiveSmallIntegerField(_("numéro"))
    public_key = models.BinaryField(_("clé publique"), editable=False)
    private_key_encrypted = models.BinaryField(_("clé privée chiffrée"), editable=False)
    retired_at = models.DateTimeField(_("retirée le"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("clé de signature")
        verbose_name_plural = _("clés de signature")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number"], name="signing_key_number_per_issuer"),
            models.UniqueConstraint(fields=["issuer"], condition=Q(retired_at__isnull=True), name="one_active_key"),
        ]

    def __str__(self) -> str:
        return f"key-{self.number}"


class AlignmentFramework(models.TextChoices):
    ROME = "ROME", _("ROME 4.0 (France Travail)")
    ESCO = "ESCO", _("ESCO (Commission européenne)")
    OWN = "OWN", _("Référentiel de la structure")


class Achievement(PublicModel):
    """A badge definition: what it certifies, how it is earned, which competence it stands for."""

    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="achievements")
    name = models.CharField(_("nom du badge"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    criteria = models.TextField(
        _("critères d'obtention"), max_length=4000, help_text=_("Ce que la personne a montré pour obtenir le badge.")
    )
    image = models.BinaryField(_("image"), blank=True, null=True, editable=False)
    image_type = models.CharField(_("format de l'image"), max_length=20, choices=ImageType.choices, blank=True)
    competence = models.ForeignKey(
        "competences.Competence",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="achievements",
        verbose_name=_("compétence du référentiel"),
    )
    alignment_framework = models.CharField(
        _("référentiel d'alignement"), max_length=10, choices=AlignmentFramework.choices, blank=True
    )
    alignment_code = models.CharField(_("code dans le référentiel"), max_length=100, blank=True)
    alignment_name = models.CharField(_("intitulé dans le référentiel"), max_length=300, blank=True)
    alignment_url = models.URLField(_("adresse de la compétence dans le référentiel"), max_length=300, blank=True)
    required_level = models.PositiveSmallIntegerField(
        _("niveau requis (0 à 5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_LEVEL)],
        help_text=_("Niveau minimal de la dernière évaluation de l'accompagnant·e, s'il y en a un."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("durée de validité (mois)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Vide : le badge n'expire pas. Par exemple 24 pour une habilitation à renouveler."),
    )
    active = models.BooleanField(_("peut être attribué"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            models.CheckConstraint(
                condition=Q(required_level__isnull=True) | Q(required_level__lte=MAX_LEVEL),
                name="achievement_required_level_0_5",
            )
        ]

    def __str__(self) -> str:
        return self.name


class AwardQuerySet(models.QuerySet):
    def in_force(self) -> "AwardQuerySet":
        return self.filter(revoked_at__isnull=True)


class Award(PublicModel):
    """A badge awarded to a person, with its signed Open Badges 3.0 credential."""

    achievement = models.ForeignKey(Achievement, on_delete=models.RESTRICT, related_name="awards")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="badge_awards")
    pathway = models.ForeignKey("pathways.Pathway", on_delete=models.CASCADE, related_name="badge_awards")
    signing_key = models.ForeignKey(SigningKey, on_delete=models.RESTRICT, related_name="awards")
    awarded_at = models.DateTimeField(_("attribué le"), default=timezone.now)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("attribué par")
    )
    level = models.PositiveSmallIntegerField(
        _("niveau évalué"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(MAX_LEVEL)]
    )
    valid_until = models.DateTimeField(_("valable jusqu'au"), null=True, blank=True)
    credential = models.JSONField(_("attestation signée"), editable=False)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.TextField(_("motif de la révocation"), max_length=1000, blank=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_at", "-id"]
        verbose_name = _("badge attribué")
        verbose_name_plural = _("badges attribués")
        indexes = [models.Index(fields=["pathway", "awarded_at"])]

    def __str__(self) -> str:
        return str(self.achievement)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now=None) -> bool:
        return self.valid_until is not None and self.valid_until <= (now or timezone.now())

    def status(self, now=None) -> str:
        if self.is_revoked:
            return "revoked"
        if self.is_expired(now):
            return "expired"
        return "valid"
