"""The access log: who read or changed which person's file, when, from which screen.

Entries are append-only and chained, one chain per structure (and a "global" one): each entry has its
chain's next sequence number and stores the keyed hash of the previous one, so removing, inserting or
editing an entry breaks the chain and `verify_chain` finds it; signed checkpoints kept outside the
database (`checkpoints.py`) reveal a removed tail. Only identifiers are stored (public ids, the staff
member's email), never names.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an access log entry."""


class Action(models.TextChoices):
    READ = "read", _("consultation")
    CREATE = "create", _("création")
    UPDATE = "update", _("modification")
    DELETE = "delete", _("suppression")
    EXPORT = "export", _("export")
    PURGE = "purge", _("purge du journal")


class AccessLogEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Le journal des accès ne peut pas être modifié."))

    def delete(self):
        raise AppendOnlyError(
            _("Le journal des accès ne peut pas être effacé (seule la commande purge_access_log le peut).")
        )

    def for_structure(self, structure) -> "AccessLogEntryQuerySet":
        return self.filter(structure_public_id=structure.public_id)


class AccessLogEntry(models.Model):
    chain = models.CharField(_("chaîne"), max_length=36)
    sequence = models.PositiveBigIntegerField(_("numéro dans la chaîne"))
    at = models.DateTimeField(_("date et heure"), default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(_("identifiant de l'auteur·e"), null=True, blank=True)
    actor_email = models.CharField(_("auteur·e"), max_length=254, blank=True, db_index=True)
    structure_public_id = models.UUIDField(_("structure"), null=True, blank=True, db_index=True)
    person_public_id = models.UUIDField(_("personne accompagnée"), null=True, blank=True, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    part = models.CharField(_("partie du dossier"), max_length=100, blank=True)
    object_public_id = models.CharField(_("élément"), max_length=64, blank=True)
    screen = models.CharField(_("écran"), max_length=200, blank=True)
    path = models.CharField(_("adresse"), max_length=500, blank=True)
    ip = models.CharField(_("adresse IP"), max_length=45, blank=True)
    detail = models.CharField(_("précision"), max_length=200, blank=True)
    previous_hash = models.CharField(_("empreinte précédente"), max_length=64, blank=True)
    entry_hash = models.CharField(_("empreinte"), max_length=64, unique=True)

    objects = AccessLogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entrée du journal des accès")
        verbose_name_plural = _("journal des accès")
        ordering = ["-id"]
        indexes = [models.Index(fields=["structure_public_id", "-at"])]
        # A chain can never fork: two writers cannot both take the same next number.
        constraints = [models.UniqueConstraint(fields=["chain", "sequence"], name="audit_entry_chain_sequence")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email} {self.action} {self.part}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError(_("Une entrée du journal des accès ne peut pas être modifiée."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Une entrée du journal des accès ne peut pas être supprimée."))
