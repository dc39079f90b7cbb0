"""Rules of collective workshops: planning, inviting, recording attendance, and the participation counts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.roles import Capability
from tremplin.pathways.models import ACTIVE_STATUSES, Pathway
from tremplin.review_meetings.services import staff_of

from .models import Attendance, Participant, Theme, Workshop

WORKSHOP_FIELDS = (
    "theme",
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "facilitator_user",
    "facilitator_partner",
    "facilitator_name",
    "notes",
    "notes_visibility",
)


def check_workshop(structure, fields: dict) -> None:
    """Refuses a workshop without facilitator, ending before it starts, or run by someone outside the structure."""
    errors: dict[str, list] = {}
    if fields.get("theme") not in Theme.values:
        errors["theme"] = [_("Thème : choisissez un des thèmes proposés.")]
    if not (fields.get("title") or "").strip():
        errors["title"] = [_("Intitulé : donnez un nom à l'atelier.")]
    start, end = fields.get("start_time"), fields.get("end_time")
    if start and end and end <= start:
        errors["end_time"] = [_("Heure de fin : elle doit suivre l'heure de début.")]
    user, partner, name = (
        fields.get("facilitator_user"),
        fields.get("facilitator_partner"),
        fields.get("facilitator_name"),
    )
    if user is None and partner is None and not (name or "").strip():
        errors["facilitator_user"] = [
            _("Animé par : choisissez un membre de l'équipe, un partenaire de l'annuaire, ou écrivez un nom.")
        ]
    if user is not None and not staff_of(structure).filter(pk=user.pk).exists():
        errors["facilitator_user"] = [_("Animé par (équipe) : choisissez un membre actif de votre structure.")]
    if partner is not None:
        from tremplin.partners.models import PartnerOrganisation

        if not PartnerOrganisation.objects.in_directory_of(structure).filter(pk=partner.pk).exists():
            errors["facilitator_partner"] = [_("Animé par (partenaire) : choisissez un partenaire de votre annuaire.")]
    if errors:
        raise ValidationError(errors)


def plan_workshop(*, structure, by, **fields) -> Workshop:
    check_workshop(structure, fields)
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items() if k in WORKSHOP_FIELDS}
    return Workshop.objects.create(structure=structure, created_by=by, **values)


def update_workshop(workshop: Workshop, **fields) -> Workshop:
    check_workshop(workshop.structure, fields)
    if (
        fields.get("date")
        and fields["date"] > timezone.localdate()
        and workshop.participants.exclude(attendance="").exists()
    ):
        raise ValidationError(
            {"date": [_("Date : des présences sont déjà saisies, l'atelier ne peut pas être reporté.")]}
        )
    for name, value in fields.items():
        if name in WORKSHOP_FIELDS:
            setattr(workshop, name, value.strip() if isinstance(value, str) else value)
    workshop.save()
    return workshop


def invitable_pathways(workshop: Workshop) -> QuerySet[Pathway]:
    """The people still followed by the structure who are not invited yet."""
    return Pathway.objects.filter(structure_id=workshop.structure_id, status__in=ACTIVE_STATUSES).exclude(
        pk__in=workshop.participants.values("pathway")
    )


def invite(workshop: Workshop, pathways: Iterable[Pathway]) -> list[Participant]:
    pathways = list(pathways)
    if not pathways:
        raise ValidationError({"pathways": [_("Personnes : cochez au moins une personne à inviter.")]})
    if any(p.structure_id != workshop.structure_id for p in pathways):
        raise ValidationError({"pathways": [_("Personnes : une des personnes n'appartient pas à votre structure.")]})
    with transaction.atomic():
        already = set(workshop.participants.values_list("pathway_id", flat=True))
        created = [Participant(workshop=workshop, pathway=p) for p in pathways if p.pk not in already]
        for participant in created:
            participant.save()
    return created


def record_attendance(workshop: Workshop, statuses: dict[int, str], *, by) -> int:
    """Sets the attendance of the participants given (participant pk -> status); returns how many changed.
    Nobody is marked present at a workshop that has not taken place yet."""
    if workshop.date > timezone.localdate():
        raise ValidationError(_("L'atelier n'a pas encore eu lieu : la présence se saisit le jour même ou après."))
    if any(status not in Attendance.values for status in statuses.values()):
        raise ValidationError(_("Présence : choisissez présent·e, absence excusée ou absent·e."))
    changed = 0
    now = timezone.now()
    with transaction.atomic():
        for participant in workshop.participants.select_related("pathway").filter(pk__in=list(statuses)):
            status = statuses[participant.pk]
            if participant.attendance != status:
                participant.attendance = status
                participant.recorded_by = by
                participant.recorded_at = now
                participant.save(update_fields=["attendance", "recorded_by", "recorded_at", "updated_at"])
                changed += 1
    return changed


def may_manage(membership) -> bool:
    return membership.can(Capability.EDIT_PEOPLE)


def workshops_for(membership) -> QuerySet[Workshop]:
    workshops = Workshop.objects.filter(structure_id=membership.structure_id)
    if may_manage(membership):
        return workshops
    return workshops.filter(facilitator_user=membership.user)


def participation_counts(structure, start: datetime.date, end: datetime.date) -> list[dict]:
    """Per theme, between two dates (included): workshops held, participations (present) and distinct people.

    One query. For the director's screen: `participation_counts(structure, start, end)` returns
    [{"theme", "label", "workshops", "participations", "people"}] for every theme with a workshop.
    """
    present = Q(participants__attendance=Attendance.PRESENT)
    rows = (
        Workshop.objects.filter(structure=structure, date__gte=start, date__lte=end)
        .values("theme")
        .annotate(
            workshops=Count("pk", distinct=True),
            participations=Count("participants", filter=present),
            people=Count("participants__pathway", filter=present, distinct=True),
        )
        .order_by("theme")
    )
    labels = dict(Theme.choices)
    order = {value: index for index, value in enumerate(Theme.values)}
    result = [{**row, "label": labels.get(row["theme"], row["theme"])} for row in rows]
    return sorted(result, key=lambda row: order.get(row["theme"], len(order)))
