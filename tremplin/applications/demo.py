"""Demo step of the applications: a few people of each demo structure with an application at every step,
one of them answering an offer the structure sent — written through the real services."""

import datetime

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.employers.models import Company
from tremplin.matching.models import SentOffer
from tremplin.pathways.models import Pathway, Status

from . import services
from .models import ApplicationStatus, Channel

# (steps after "applied", days ago of each step starting with "applied", channel)
STORIES = (
    ((), (0,), Channel.NETWORK, ApplicationStatus.TO_APPLY),
    ((), (12,), Channel.JOB_BOARD, ApplicationStatus.APPLIED),
    ((ApplicationStatus.INTERVIEW,), (20, 6), Channel.FRANCE_TRAVAIL, ApplicationStatus.APPLIED),
    (
        (ApplicationStatus.INTERVIEW, ApplicationStatus.HIRED),
        (35, 21, 9),
        Channel.SENT_OFFER,
        ApplicationStatus.APPLIED,
    ),
    ((ApplicationStatus.REFUSED,), (40, 25), Channel.SPONTANEOUS, ApplicationStatus.APPLIED),
    ((ApplicationStatus.WITHDRAWN,), (15, 10), Channel.TEMP_AGENCY, ApplicationStatus.APPLIED),
)


def _coach(structure):
    for role in (Role.JOB_COACH, Role.COUNSELLOR):
        membership = Membership.objects.filter(structure=structure, role=role).select_related("user").first()
        if membership is not None:
            return membership.user
    return None


def populate(result, *, rng, today: datetime.date) -> None:
    for structure in result.structures:
        coach = _coach(structure)
        companies = list(Company.objects.filter(structure=structure).order_by("name")[:8])
        pathways = list(
            Pathway.objects.filter(structure=structure, status=Status.IN_CONTRACT)
            .select_related("person")
            .order_by("created_at", "id")[: len(STORIES)]
        )
        for index, (pathway, (moves, days, channel, first)) in enumerate(zip(pathways, STORIES, strict=False)):
            sent = None
            if channel == Channel.SENT_OFFER:
                # The offer the matching step sent in this structure, whoever received it.
                sent = (
                    SentOffer.objects.filter(pathway__structure=structure, applications__isnull=True)
                    .select_related("offer__company", "pathway")
                    .first()
                )
                pathway = sent.pathway if sent is not None else pathway
            company = companies[index % len(companies)] if companies else None
            application = services.record_application(
                pathway=pathway,
                by=coach,
                employer_name="" if company or sent else "Boulangerie Lemaire",
                job_title=sent.offer.title if sent else rng.choice(JOBS),
                job_code=sent.offer.job_code if sent else "",
                channel=channel if sent or channel != Channel.SENT_OFFER else Channel.NETWORK,
                company=None if sent else company,
                sent_offer=sent,
                status=first,
                status_on=today - datetime.timedelta(days=days[0]),
                next_step="Relancer l'employeur" if first == ApplicationStatus.APPLIED and not moves else "",
                next_step_on=today + datetime.timedelta(days=3)
                if first == ApplicationStatus.APPLIED and not moves
                else None,
            )
            for step, ago in zip(moves, days[1:], strict=True):
                services.move(
                    application,
                    to_status=step,
                    on=today - datetime.timedelta(days=ago),
                    by=coach,
                    employer_feedback=FEEDBACK.get(step, ""),
                    next_step="Entretien avec le responsable d'équipe" if step == ApplicationStatus.INTERVIEW else None,
                    next_step_on=today + datetime.timedelta(days=4) if step == ApplicationStatus.INTERVIEW else None,
                )
            if moves == (ApplicationStatus.INTERVIEW,):
                services.plan_preparation(
                    application,
                    kind=services.PreparationKind.SIMULATION,
                    by=coach,
                    due_date=today + datetime.timedelta(days=2),
                )


JOBS = ("Agent·e de propreté des locaux", "Préparateur·rice de commandes", "Employé·e polyvalent·e de restauration")
FEEDBACK = {
    ApplicationStatus.HIRED: "Embauche en CDD de 6 mois, début dans deux semaines.",
    ApplicationStatus.REFUSED: "Profil intéressant, mais le poste demande le permis B.",
}
