"""Demo: each demo structure held a synthesis meeting last week (three people, decisions, one action)
and has a commission planned in ten days about the contracts ending soon."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status

from . import services
from .models import MeetingKind, ReviewReason

DECISIONS = [
    (
        "Prolonger le contrat de quatre mois pour terminer la formation en cours.",
        "skills",
        "Inscription au module CACES",
    ),
    ("Préparer la sortie : deux candidatures ciblées avant la fin du contrat.", None, None),
    ("Faire le point sur les retards avec l'encadrant·e au prochain entretien.", None, None),
]


def _staff(structure, role):
    membership = Membership.objects.filter(structure=structure, role=role, is_active=True).select_related("user")
    return [m.user for m in membership.order_by("pk")]


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        counsellors = _staff(structure, Role.COUNSELLOR)
        if not counsellors:
            continue
        counsellor = counsellors[0]
        supervisors = _staff(structure, Role.SUPERVISOR)[:1]
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person")
            .order_by("pk")
        )
        if len(pathways) < 3:
            continue
        past = services.plan_meeting(
            structure=structure,
            kind=MeetingKind.SYNTHESIS,
            date=today - datetime.timedelta(days=7),
            start_time=datetime.time(14, 0),
            place="Salle de réunion",
            participants=supervisors,
            by=counsellor,
        )
        items = services.add_to_agenda(past, pathways[:3], reason=ReviewReason.CHOSEN, by=counsellor)
        for item, (text, section, title) in zip(items, DECISIONS, strict=True):
            action = None
            if section:
                action = {
                    "section": section,
                    "title": title,
                    "owner_user": counsellor,
                    "due_date": today + datetime.timedelta(days=rng.randint(10, 30)),
                }
            services.record_decision(item, text=text, action=action, by=counsellor)
        upcoming = services.plan_meeting(
            structure=structure,
            kind=MeetingKind.COMMISSION,
            date=today + datetime.timedelta(days=10),
            start_time=datetime.time(9, 30),
            place="Salle de réunion",
            participants=supervisors,
            external_participants="Conseillère France Travail (prescriptrice)",
            by=counsellor,
        )
        ending = list(services.contracts_ending_within(structure, 3, today=today).order_by("pk")[:5])
        if ending:
            services.add_to_agenda(upcoming, ending, reason=ReviewReason.CONTRACT_ENDING, by=counsellor)
