"""Demo step of the CV: in each demo structure, a CV draft chosen with one person (headline, summary),
written through the real service."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status

from .content import candidates
from .services import save_draft


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        membership = Membership.objects.filter(structure=structure, role=Role.JOB_COACH).select_related("user").first()
        pathway = (
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person")
            .order_by("created_at", "id")
            .first()
        )
        if pathway is None:
            continue
        person = pathway.person
        items = candidates(person, today)
        keys = {item.key for section in items.values() for item in section}
        save_draft(
            person,
            by=membership.user if membership else None,
            language="fr",
            headline="Agent·e polyvalent·e — espaces verts et entretien",
            summary=(
                "En contrat d'insertion depuis plusieurs mois, à l'aise en équipe et en extérieur. "
                "Je cherche un poste stable dans l'entretien des espaces verts."
            ),
            show_email=True,
            show_phone=True,
            show_city=True,
            show_languages=True,
            hidden=[],
            ranks={},
            known_keys=keys,
        )
