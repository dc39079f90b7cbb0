"""External professionals' accounts and what they write.

A partner or prescriber is a user with a membership of role « partenaire » in the structure; their
PartnerAccount ties that membership to the organisation they work for. What they may read is decided
by the Shares of that organisation (orientations app), never by the staff access rules.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.accounts.models import Membership
from tremplin.core.models import PublicModel
from tremplin.partners.models import PartnerOrganisation
from tremplin.pathways.models import Pathway


class PartnerAccount(PublicModel):
    membership = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="partner_account")
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="accounts", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("compte partenaire")
        verbose_name_plural = _("comptes partenaires")

    def __str__(self) -> str:
        return f"{self.membership.user} — {self.organisation}"


class PartnerNote(PublicModel):
    """A note a partner writes on a pathway shared with them; always shareable with partners."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="partner_notes")
    organisation = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("note"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("note d'un partenaire")
        verbose_name_plural = _("notes des partenaires")

    def __str__(self) -> str:
        return self.text[:60]
