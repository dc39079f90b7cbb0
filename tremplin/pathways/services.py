"""Business operations on pathways. Views call these; they never set `status` themselves."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Pathway, Status, StatusChange


def open_pathway(
    *, person, programme, by, referent=None, supervisor=None, worksite=None, referral_source=""
) -> Pathway:
    if programme.structure_id != person.structure_id:
        raise ValidationError({"programme": _("Ce dispositif n'appartient pas à la structure de la personne.")})
    with transaction.atomic():
        pathway = Pathway.objects.create(
            person=person,
            structure_id=person.structure_id,
            programme=programme,
            referent=referent,
            supervisor=supervisor,
            worksite=worksite,
            referral_source=referral_source,
        )
        StatusChange.objects.create(
            pathway=pathway,
            from_status="",
            to_status=Status.CANDIDATE,
            changed_by=by,
            reason=_("Candidature enregistrée"),
        )
    return pathway


def change_status(pathway: Pathway, to_status: str, *, by, reason: str = "") -> StatusChange:
    """Moves the pathway if the transition is allowed; raises ValidationError otherwise."""
    if to_status == pathway.status:
        raise ValidationError({"to_status": _("Le parcours a déjà ce statut.")})
    if not pathway.can_move_to(to_status):
        raise ValidationError(
            {
                "to_status": _("Un parcours au statut « %(current)s » ne peut pas passer au statut « %(target)s ».")
                % {"current": pathway.get_status_display(), "target": Status(to_status).label}
            }
        )
    with transaction.atomic():
        change = StatusChange.objects.create(
            pathway=pathway, from_status=pathway.status, to_status=to_status, changed_by=by, reason=reason
        )
        pathway.status = to_status
        pathway.status_changed_at = timezone.now()
        pathway.save(update_fields=["status", "status_changed_at", "updated_at"])
    return change
