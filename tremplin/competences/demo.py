"""Demo: a few people of each structure have an entry evaluation and a later one, so the radar shows progress.

Also one competence of the structure's own and a couple of portfolio entries for the same people, and one
more person whose French and numeracy (basic skills) are followed at two dates: their progress is drawn as
slopes. That part draws no random number, so the rest of the demo stays the same.
"""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status

from . import services
from .models import Competence, CompetenceKind, SelfMode

BASIC_CODES = ["lang_fr_oral", "clea_numeracy"]
# (self, coach) levels of each basic skill, at entry then two and a half months later.
BASIC_LEVELS = [((2, 1), (1, 2)), ((3, 3), (3, 4))]
CODES = ["attendance", "punctuality", "following_instructions", "teamwork", "safety", "autonomy"]

OWN = {
    "code": "DEBROUSSAILLEUSE",
    "name": "Utiliser la débroussailleuse en sécurité",
    "name_en": "Using a brush cutter safely",
    "description": "Préparer la machine, porter les protections, travailler en gardant les distances.",
    "levels": [
        "N'a jamais utilisé la machine.",
        "L'utilise avec l'encadrant·e à côté.",
        "L'utilise seul·e sur une zone dégagée ; oublie une protection.",
        "L'utilise seul·e avec toutes les protections.",
        "Vérifie et entretient la machine avant usage.",
        "Montre l'usage en sécurité à un·e collègue.",
    ],
}


def _staff(structure, role):
    member = Membership.objects.filter(structure=structure, role=role).select_related("user").first()
    return member.user if member else None


def populate(result, *, rng, today: datetime.date) -> None:
    from tremplin.portfolio.models import Certification, Experience, ExperienceKind

    soft = list(Competence.objects.filter(structure__isnull=True, kind=CompetenceKind.SOFT, code__in=CODES))
    basic = list(
        Competence.objects.filter(structure__isnull=True, kind=CompetenceKind.BASIC, code__in=BASIC_CODES).order_by(
            "code"
        )
    )
    for structure in result.structures:
        own, _created = Competence.objects.get_or_create(
            structure=structure, code=OWN["code"], defaults={**OWN, "kind": CompetenceKind.OWN}
        )
        counsellor = _staff(structure, Role.COUNSELLOR)
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person", "supervisor")
            .order_by("pk")[:3]
        )
        for index, pathway in enumerate(pathways):
            coach = pathway.supervisor or counsellor
            competences = [*soft, own]
            entry = rng.choices(range(0, 3), k=len(competences))
            gaps = [max(0, min(5, level + rng.choice([-1, 0, 1, 2]))) for level in entry]
            keys = [str(c.public_id) for c in competences]
            first = services.create_session(
                pathway,
                held_on=today - datetime.timedelta(days=100),
                moment="entry",
                competences=competences,
                coach=coach,
            )
            services.record_coach_levels(first, dict(zip(keys, entry, strict=True)), by=coach)
            services.record_self_levels(
                first, dict(zip(keys, gaps, strict=True)), mode=SelfMode.FACE_TO_FACE, by=counsellor
            )
            later = [min(5, level + rng.randint(1, 3)) for level in entry]
            mid = services.create_session(
                pathway,
                held_on=today - datetime.timedelta(days=15),
                moment="mid",
                competences=competences,
                coach=coach,
            )
            services.record_coach_levels(mid, dict(zip(keys, later, strict=True)), by=coach)
            if index < 2:  # the third person has not filled the grid yet: the session waits for it
                services.record_self_levels(
                    mid,
                    dict(zip(keys, [min(5, v + rng.choice([0, 1])) for v in later], strict=True)),
                    mode=SelfMode.LINK,
                )
            person = pathway.person
            Experience.objects.create(
                person=person,
                kind=ExperienceKind.FAMILY if index % 2 else ExperienceKind.INFORMAL,
                title="Gestion du budget et des démarches d'une famille de quatre personnes"
                if index % 2
                else "Aide à la rénovation de logements de voisins",
                started_on=today - datetime.timedelta(days=365 * 4),
                created_by=counsellor,
            )
            Certification.objects.create(
                person=person,
                name="Sauveteur secouriste du travail (SST)",
                issuer="Organisme de formation agréé",
                obtained_on=today - datetime.timedelta(days=700),
                expires_on=today + datetime.timedelta(days=30 if index == 0 else 400),
                created_by=counsellor,
            )
        if basic:
            _basic_skills_followed(structure, basic, counsellor, today)


def _basic_skills_followed(structure, basic, counsellor, today: datetime.date) -> None:
    pathway = (
        Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
        .select_related("person")
        .order_by("pk")[3:4]
        .first()
    )
    if pathway is None or counsellor is None:
        return
    keys = [str(c.public_id) for c in basic]
    for days, moment, levels in ((80, "entry", BASIC_LEVELS[0]), (5, "other", BASIC_LEVELS[1])):
        session = services.create_session(
            pathway, held_on=today - datetime.timedelta(days=days), moment=moment, competences=basic, coach=counsellor
        )
        services.record_coach_levels(
            session, {k: coach for k, (_s, coach) in zip(keys, levels, strict=True)}, by=counsellor
        )
        services.record_self_levels(
            session,
            {k: own for k, (own, _c) in zip(keys, levels, strict=True)},
            mode=SelfMode.FACE_TO_FACE,
            by=counsellor,
        )
