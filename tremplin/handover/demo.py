"""Demo: in each demo structure, a counsellor going on leave handed two people to a colleague
(the case manager or the director), who has not read it yet."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role

from . import services
from .models import HandoverKind

NOTES = [
    "Dossier de logement social déposé ; relancer le bailleur fin du mois.",
    "Très investi·e sur le chantier ; projet de formation en espaces verts à confirmer.",
]


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        members = Membership.objects.filter(structure=structure, is_active=True).select_related("user").order_by("pk")
        counsellor = next((m.user for m in members if m.role == Role.COUNSELLOR), None)
        receiver = next((m.user for m in members if m.role in (Role.CASE_MANAGER, Role.DIRECTOR)), None)
        if counsellor is None or receiver is None:
            continue
        pathways = list(
            services.pathways_of_referent(structure, counsellor).select_related("person").order_by("pk")[:2]
        )
        if not pathways:
            continue
        services.hand_over(
            structure=structure,
            kind=HandoverKind.REFERENT,
            pathways=pathways,
            to_referent=receiver,
            from_user=counsellor,
            note="Congé de trois semaines : merci d'assurer les entretiens prévus.",
            notes={p.pk: NOTES[i % len(NOTES)] for i, p in enumerate(pathways)},
            by=counsellor,
        )
