"""What a person was told about their data, and what they agreed to share.

Sharing is never inferred: each kind of sharing needs its own consent,
recorded with who took it and when, and a withdrawal takes effect the same day.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.core import derived_visibility
from tremplin.core.models import PublicModel
from tremplin.core.visibility import Visibility, VisibilityQuerySet
from tremplin.people.models import Person
from tremplin.structures.models import Structure


class InformationNotice(PublicModel):
    """The text given to people about the processing of their data, one version per change."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="information_notices")
    version = models.CharField(_("version"), max_length=40)
    text = models.TextField(_("texte de la notice"))
    published_on = models.DateField(_("publiée le"))
    is_current = models.BooleanField(_("version en vigueur"), default=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-created_at"]
        verbose_name = _("notice d'information")
        verbose_name_plural = _("notices d'information")
        constraints = [
            models.UniqueConstraint(
                fields=["structure"], condition=models.Q(is_current=True), name="one_current_notice_per_structure"
            ),
            models.UniqueConstraint(fields=["structure", "version"], name="notice_version_unique_per_structure"),
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.published_on:%d/%m/%Y})"


class HowInformed(models.TextChoices):
    ORAL_AND_WRITTEN = "oral_written", _("À l'oral et par écrit (notice remise)")
    WRITTEN = "written", _("Par écrit (notice remise)")
    READ_TOGETHER = "read_together", _("Notice lue ensemble")
    INTERPRETER = "interpreter", _("Avec l'aide d'un·e interprète")


class PersonInformed(PublicModel):
    """The person received the information notice: which version, when, by whom, how."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="information_records")
    notice = models.ForeignKey(InformationNotice, on_delete=models.PROTECT, related_name="+")
    informed_on = models.DateField(_("informé·e le"))
    informed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("par")
    )
    how = models.CharField(_("comment"), max_length=20, choices=HowInformed.choices)

    class Meta:
        ordering = ["-informed_on", "-created_at"]
        verbose_name = _("information de la personne")
        verbose_name_plural = _("informations des personnes")

    def __str__(self) -> str:
        return f"{self.person} — {self.notice}"


class ConsentKind(models.TextChoices):
    SHARE_WITH_PRESCRIBER = "share_with_prescriber", _("Partage avec le prescripteur")
    SHARE_WITH_PARTNER = "share_with_partner", _("Partage avec un partenaire nommé")
    PUBLIC_BADGE = "public_badge", _("Badge de compétences public")
    # Invitations and reminders by SMS or e-mail (tremplin.messaging): none is sent without it.
    CONTACT = "contact", _("Contact par SMS ou courriel")


class ConsentQuerySet(VisibilityQuerySet):
    def active_on(self, day):
        """Given on or before `day` and not withdrawn on or before it."""
        return self.filter(given_on__lte=day).filter(
            models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gt=day)
        )


class Consent(PublicModel):
    """The person's agreement to one kind of sharing, until they withdraw it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("partage concerné"), max_length=30, choices=ConsentKind.choices)
    partner_name = models.CharField(
        _("partenaire"), max_length=200, blank=True, help_text=_("Obligatoire pour un partage avec un partenaire.")
    )
    scope = models.TextField(_("ce qui est partagé"), blank=True)
    given_on = models.DateField(_("donné le"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recueilli par"),
    )
    withdrawn_on = models.DateField(_("retiré le"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_note = models.TextField(_("précisions sur le retrait"), blank=True)
    # Derived: a consent naming a health, addiction or justice partner (or one the person is oriented to
    # for such a reason) is kept for the social staff (docs/decisions/0008).
    visibility = models.CharField(
        _("visibilité"), max_length=30, choices=Visibility.choices, default=Visibility.WHOLE_TEAM, editable=False
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-created_at"]
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label} — {self.partner_name}" if self.partner_name else str(label)

    def save(self, *args, **kwargs):
        derived_visibility.derive_before_save(self, kwargs, {"partner_name"})
        super().save(*args, **kwargs)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_on is not None
