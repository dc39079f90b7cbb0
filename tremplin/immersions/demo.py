"""Demo step of the immersions: in each demo structure, one immersion already evaluated by the three parties
and one to come — written through the real services."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.employers.models import Company
from tremplin.pathways.models import Pathway, Status

from . import services
from .grid import grid_for
from .models import Conclusion, Objective


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        membership = (
            Membership.objects.filter(structure=structure, role__in=[Role.JOB_COACH, Role.COUNSELLOR])
            .select_related("user")
            .order_by("role")
            .first()
        )
        by = membership.user if membership else None
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT).order_by("created_at", "id")[1:3]
        )
        company = Company.objects.filter(structure=structure).order_by("name").first()
        if not pathways:
            continue
        start = today - datetime.timedelta(days=30)
        immersion, _warnings = services.record_immersion(
            pathway=pathways[0],
            by=by,
            company=company,
            host_name=company.name if company else "Jardinerie du Centre",
            job_title="Agent·e d'entretien des espaces verts",
            job_code="A1203",
            tutor_name="Sylvie Caron",
            tutor_role="Cheffe d'équipe",
            tutor_phone="03 20 00 00 00",
            starts_on=start,
            ends_on=start + datetime.timedelta(days=11),
            objective=Objective.CONFIRM_PROJECT,
            objective_details="Vérifier le goût pour le travail en extérieur et le rythme d'une équipe de production.",
            schedule="Du lundi au vendredi, 8 h – 12 h et 13 h – 16 h",
            weekly_hours=35,
            prescriber=structure.name,
        )
        source, items = grid_for(structure)
        levels = {
            item.key: {"person": rng.randint(2, 4), "tutor": rng.randint(2, 5), "counsellor": rng.randint(2, 4)}
            for item in items[:8]
        }
        services.evaluate(
            immersion,
            by=by,
            evaluated_on=start + datetime.timedelta(days=12),
            grid_source=source,
            items=items,
            levels=levels,
            conclusion=Conclusion.PROJECT_CONFIRMED,
            person_view="J'ai aimé travailler dehors et apprendre à utiliser le taille-haie.",
            tutor_view="Ponctuel, attentif aux consignes de sécurité, à l'aise dans l'équipe.",
            counsellor_view="Le projet se confirme ; reste à travailler le permis B.",
            conclusions="Chercher des offres en entretien d'espaces verts ; inscrire au code de la route.",
        )
        if len(pathways) > 1:
            upcoming = today + datetime.timedelta(days=10)
            services.record_immersion(
                pathway=pathways[1],
                by=by,
                host_name="Supermarché du Marché",
                job_title="Employé·e de libre-service",
                job_code="D1507",
                tutor_name="Marc Duval",
                tutor_role="Chef de rayon",
                starts_on=upcoming,
                ends_on=upcoming + datetime.timedelta(days=4),
                objective=Objective.DISCOVER_JOB,
                schedule="6 h – 13 h",
                prescriber=structure.name,
            )
