"""The link with les emplois de l'inclusion: a structure's stored connection, its pulls and their reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core.models import PublicModel
from tremplin.core.sealed import seal, unseal
from tremplin.people.models import Person
from tremplin.structures.models import Structure

TOKEN_PURPOSE = b"tremplin les emplois api token v1"


class Connection(PublicModel):
    """The platform account a structure pulls its hires with. The password is never stored, only the token
    the platform gave for it, encrypted at rest (tremplin/core/sealed.py, as the badge keys)."""

    structure = models.OneToOneField(Structure, on_delete=models.CASCADE, related_name="les_emplois_connection")
    base_url = models.URLField(_("adresse de la plateforme"), max_length=200)
    username = models.CharField(_("identifiant du compte employeur"), max_length=150)
    sealed_token = models.BinaryField(editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(_("dernière vérification"), null=True, blank=True)
    check_result = models.CharField(_("résultat de la vérification"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("connexion aux emplois de l'inclusion")

    def __str__(self) -> str:
        return f"{self.username} @ {self.base_url}"

    def set_token(self, token: str) -> None:
        self.sealed_token = seal(token.encode(), info=TOKEN_PURPOSE)

    @property
    def token(self) -> str:
        return unseal(self.sealed_token, info=TOKEN_PURPOSE).decode()


class RunStatus(models.TextChoices):
    RUNNING = "running", _("En cours")
    FINISHED = "finished", _("Terminé")
    INTERRUPTED = "interrupted", _("Interrompu (reprendra à la page suivante)")
    FAILED = "failed", _("Échec")


class SyncRun(PublicModel):
    """One pull of a structure's hires. An interrupted run keeps the page it stopped on (`resume_url`):
    the next pull starts there, every earlier page being imported already."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="les_emplois_runs")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(_("commencé le"))
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    status = models.CharField(_("état"), max_length=20, choices=RunStatus.choices, default=RunStatus.RUNNING)
    since = models.DateField(_("fiches créées depuis le"), null=True, blank=True)
    dry_run = models.BooleanField(_("essai à blanc"), default=False)
    resume_url = models.CharField(max_length=1000, blank=True, editable=False)
    pages = models.PositiveIntegerField(_("pages lues"), default=0)
    created = models.PositiveIntegerField(_("créés"), default=0)
    updated = models.PositiveIntegerField(_("mis à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangés"), default=0)
    to_link = models.PositiveIntegerField(_("à rapprocher"), default=0)
    rejected = models.PositiveIntegerField(_("inutilisables"), default=0)
    skipped = models.PositiveIntegerField(_("autres structures"), default=0)
    error = models.CharField(_("erreur"), max_length=500, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("import depuis les emplois de l'inclusion")
        verbose_name_plural = _("imports depuis les emplois de l'inclusion")

    def __str__(self) -> str:
        return f"{self.structure} — {self.started_at:%Y-%m-%d %H:%M}"


class Outcome(models.TextChoices):
    CREATED = "created", _("Créé")
    UPDATED = "updated", _("Mis à jour")
    UNCHANGED = "unchanged", _("Inchangé")
    TO_LINK = "to_link", _("À rapprocher")
    REJECTED = "rejected", _("Inutilisable")
    SKIPPED = "skipped", _("Autre structure")


class SyncRecord(PublicModel):
    """What a pull did with one platform record. A record "to link" keeps the platform's data (`payload`)
    until a member links it to the person already known or creates a new one; the payload is then emptied."""

    run = models.ForeignKey(SyncRun, on_delete=models.CASCADE, related_name="records")
    siret = models.CharField(_("SIRET"), max_length=20, blank=True)
    pass_iae = models.CharField(_("numéro de PASS IAE"), max_length=20, blank=True)
    full_name = models.CharField(_("nom"), max_length=200, blank=True)
    outcome = models.CharField(_("résultat"), max_length=20, choices=Outcome.choices)
    reason = models.CharField(_("motif"), max_length=500, blank=True)
    # The person created or updated, or (to link) the one already in Tremplin who may be the same.
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="les_emplois_records"
    )
    payload = models.JSONField(default=dict, blank=True)
    resolved_at = models.DateTimeField(_("traité le"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("fiche salarié importée")
        verbose_name_plural = _("fiches salarié importées")
        indexes = [models.Index(fields=["outcome", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.pass_iae} — {self.get_outcome_display()}"
