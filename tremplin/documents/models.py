"""Documents attached to a person: proofs, signed programmes, contracts, identity documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet, visibilities_for  # noqa: F401 - re-exported

from .storage import private_storage, random_file_name


class Kind(models.TextChoices):
    ELIGIBILITY_PROOF = "eligibility_proof", _("justificatif d'éligibilité")
    SIGNED_PROGRAMME = "signed_programme", _("programme signé")
    CONTRACT = "contract", _("contrat")
    ID_DOCUMENT = "id_document", _("pièce d'identité")
    OTHER = "other", _("autre")


# Sniffed MIME type -> extension kept on disk.
ALLOWED_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


class Document(PublicModel):
    structure = models.ForeignKey("structures.Structure", on_delete=models.CASCADE, related_name="documents")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="documents")
    pathway = models.ForeignKey(
        "pathways.Pathway",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("parcours"),
    )
    kind = models.CharField(_("type de document"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("titre"), max_length=200)
    visibility = models.CharField(
        _("visibilité"), max_length=30, choices=Visibility.choices, default=Visibility.SOCIAL_STAFF_ONLY
    )
    file = models.FileField(_("fichier"), storage=private_storage, upload_to=random_file_name, max_length=200)
    original_name = models.CharField(_("nom du fichier d'origine"), max_length=255, blank=True)
    content_type = models.CharField(_("type de contenu"), max_length=100)
    size = models.PositiveIntegerField(_("taille en octets"), default=0)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("déposé le"), auto_now_add=True)

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return ALLOWED_TYPES.get(self.content_type, "")
