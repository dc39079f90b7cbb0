"""Demo: each demo structure issues badges — three definitions, a few awards, one revoked."""

import datetime

from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status

from . import services
from .models import Achievement

DEFINITIONS = [
    {
        "name": "Ponctualité et assiduité",
        "description": "Arrive à l'heure, prévient en cas d'absence et tient ses horaires sur la durée.",
        "criteria": "Trois mois de présence sans retard non prévenu, constatés par l'encadrant·e.",
        "soft": "punctuality",
        "required_level": 4,
    },
    {
        "name": "Travail en équipe sur chantier",
        "description": "Coopère avec les collègues, partage les tâches et transmet les consignes.",
        "criteria": "Observé sur plusieurs chantiers : s'organise avec l'équipe et aide un nouvel arrivant.",
        "soft": "teamwork",
        "required_level": 3,
    },
    {
        "name": "Sécurité et gestes de prévention",
        "description": "Porte les équipements de protection et applique les consignes de sécurité du poste.",
        "criteria": "Aucun manquement aux consignes de sécurité relevé pendant deux mois ; explique les risques du poste.",
        "soft": "safety",
        "required_level": None,
        "validity_months": 24,
    },
]


def populate(result, *, rng, today: datetime.date) -> None:
    from tremplin.competences.models import Competence

    soft = {c.code: c for c in Competence.objects.filter(structure__isnull=True, kind="soft")}
    for structure in result.structures:
        issuer = services.create_issuer(structure, description="Structure d'insertion par l'activité économique.")
        counsellor = Membership.objects.filter(structure=structure, role=Role.COUNSELLOR).select_related("user").first()
        by = counsellor.user if counsellor else None
        achievements = []
        for definition in DEFINITIONS:
            achievement = Achievement(
                structure=structure,
                name=definition["name"],
                description=definition["description"],
                criteria=definition["criteria"],
                competence=soft.get(definition["soft"]),
                required_level=definition["required_level"],
                validity_months=definition.get("validity_months"),
            )
            if achievement.competence is None:
                achievement.alignment_framework = "OWN"
                achievement.alignment_code = definition["soft"]
                achievement.alignment_name = definition["name"]
            services.fill_alignment(achievement)
            achievement.save()
            achievements.append(achievement)
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person")
            .order_by("pk")[:4]
        )
        awarded = []
        for index, pathway in enumerate(pathways):
            achievement = achievements[index % len(achievements)]
            when = timezone.now() - datetime.timedelta(days=rng.randint(5, 60))
            awarded.append(
                services.award_badge(
                    achievement,
                    pathway,
                    by=by,
                    level=rng.randint(3, 5),
                    confirm={services.CRITERIA_NOT_MET, services.REVOKED_BEFORE},
                    now=when,
                )
            )
        if awarded:
            services.revoke(awarded[-1], by=by, reason="Attribué par erreur à la mauvaise personne.")
        del issuer
