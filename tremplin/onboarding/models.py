from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.people.models import Person
from tremplin.structures.models import Structure


class RunStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Colonnes à faire correspondre")
    CHECKING = "checking", _("Vérification en cours")
    REFUSED = "refused", _("Refusé : des problèmes à corriger")
    CHECKED = "checked", _("Vérifié, en attente de confirmation")
    IMPORTING = "importing", _("Import en cours")
    IMPORTED = "imported", _("Importé")
    CANCELLED = "cancelled", _("Abandonné")
    EXPIRED = "expired", _("Expiré sans être importé")


IN_PROGRESS = (RunStatus.CHECKING, RunStatus.IMPORTING)


class ImportRun(PublicModel):
    """One spreadsheet sent to take over people, pathways and contracts, kept in the structure's history.

    The file itself is kept only between the steps (`sealed_file`, encrypted) and emptied once imported,
    abandoned or expired; the problems (row, column, value, rule) stay as the report, their values erased
    after `onboarding.services.VALUES_KEPT_DAYS` (decision 0017)."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="import_runs")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("envoyé par")
    )
    file_name = models.CharField(_("fichier"), max_length=200)
    file_hash = models.CharField(_("empreinte SHA-256"), max_length=64, db_index=True)
    sealed_file = models.BinaryField(null=True, editable=False)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict, help_text="column index (as text) -> template column key")
    notes = models.JSONField(default=list)
    status = models.CharField(_("état"), max_length=20, choices=RunStatus.choices, default=RunStatus.UPLOADED)
    row_count = models.PositiveIntegerField(_("lignes"), default=0)
    counts = models.JSONField(default=dict)
    problems = models.JSONField(default=list)
    problem_count = models.PositiveIntegerField(_("problèmes"), default=0)
    values_erased = models.BooleanField(default=False)
    imported_at = models.DateTimeField(_("importé le"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reprise depuis un tableur")
        verbose_name_plural = _("reprises depuis un tableur")

    def __str__(self) -> str:
        return self.file_name


class ImportedPerson(models.Model):
    """Which line of which import created or found a person: the trace of a takeover, on the person's side."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="imports")
    row = models.PositiveIntegerField(_("ligne"))
    created = models.BooleanField(_("créée par l'import"), default=True)

    class Meta:
        ordering = ["run", "row"]
        verbose_name = _("personne reprise d'un tableur")
        verbose_name_plural = _("personnes reprises d'un tableur")

    def __str__(self) -> str:
        return f"{self.run} #{self.row}"
