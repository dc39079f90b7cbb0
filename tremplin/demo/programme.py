"""The insertion programme of the demo people: welcome, intake, barriers, project, plan, interviews, observations.

Everything goes through the programme's services, like a counsellor's clicks would. The services refuse
what a user could not type today (an action born overdue, a meeting planned in the past), so a few dates
are moved back afterwards, in the open, to give the demo a history: that is the only shortcut.
The story of each person depends on the seeded random generator: the same demo every time.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Min
from django.utils import timezone

from tremplin.action_plan.models import Action, ActionStatus, FollowUpFrequency, ObjectiveStatus, OwnerKind, Section
from tremplin.action_plan.services import add_action, add_objective, get_or_create_plan, record_review
from tremplin.barriers.models import Barrier, BarrierDomain, BarrierStatus
from tremplin.barriers.services import identify_barrier, update_barrier
from tremplin.core.visibility import Visibility
from tremplin.interviews.models import Attendance, Interview, Kind
from tremplin.interviews.services import plan_interview, record_interview, save_intake
from tremplin.observations.models import Category, Observation
from tremplin.observations.services import acknowledge
from tremplin.pathways.models import Pathway, Status
from tremplin.professional_project.models import TargetJob, TargetJobStatus
from tremplin.welcome.services import mark_done, start_checklist

# (domain, what the counsellor wrote, severity, action section, action title)
BARRIER_STORIES: tuple[tuple[str, str, int, str, str], ...] = (
    (
        BarrierDomain.MOBILITY,
        "Pas de permis ; le chantier est à 40 minutes en bus avec une correspondance.",
        2,
        Section.MOBILITY,
        "Constituer le dossier d'aide au financement du permis",
    ),
    (
        BarrierDomain.HOUSING,
        "Hébergé·e chez un proche, doit quitter le logement d'ici trois mois.",
        3,
        Section.PERSONAL_SUPPORT,
        "Déposer une demande de logement social avec le service logement de la mairie",
    ),
    (
        BarrierDomain.MONEY,
        "Plusieurs factures impayées ; relances d'un fournisseur d'énergie.",
        2,
        Section.PERSONAL_SUPPORT,
        "Rendez-vous avec la conseillère en économie sociale et familiale pour un plan d'apurement",
    ),
    (
        BarrierDomain.LANGUAGE,
        "Comprend les consignes simples à l'oral ; lecture difficile des documents écrits.",
        2,
        Section.SKILLS,
        "Inscription à l'atelier de français à visée professionnelle (deux demi-journées par semaine)",
    ),
    (
        BarrierDomain.DIGITAL,
        "N'a pas d'adresse électronique personnelle ; ne sait pas consulter son espace en ligne.",
        1,
        Section.SKILLS,
        "Atelier numérique : créer une adresse électronique et se connecter à son espace en ligne",
    ),
    (
        BarrierDomain.CHILDCARE,
        "Deux enfants scolarisés, pas de solution de garde le mercredi ni avant 8 h.",
        2,
        Section.MOBILITY,
        "Chercher une place en accueil de loisirs le mercredi avec la personne",
    ),
    (
        BarrierDomain.ADMINISTRATIVE,
        "Droits à la complémentaire santé non ouverts ; titre de séjour à renouveler dans six mois.",
        2,
        Section.PERSONAL_SUPPORT,
        "Préparer ensemble le dossier de complémentaire santé solidaire",
    ),
    (
        BarrierDomain.HEALTH,
        "Douleurs de dos signalées ; pas de médecin traitant déclaré.",
        2,
        Section.PERSONAL_SUPPORT,
        "Trouver un médecin traitant et prendre rendez-vous",
    ),
)

INTAKE_ANSWERS: tuple[dict[str, str], ...] = (
    {
        "schooling": "Scolarité jusqu'en troisième ; CAP non terminé.",
        "experience": "Missions d'intérim en manutention, saisonnier dans les vergers.",
        "skills": "Travail en extérieur, endurance, ponctualité quand le trajet est possible.",
        "needs": "Stabiliser le logement et passer le permis.",
        "support_wishes": "Savoir vers quel métier aller après le contrat.",
        "first_step": "Visite du chantier et rencontre de l'encadrant la semaine prochaine.",
    },
    {
        "schooling": "Baccalauréat obtenu à l'étranger, non reconnu en France.",
        "experience": "Dix ans de commerce sur les marchés ; garde d'enfants à domicile.",
        "skills": "Contact avec les clients, calcul, organisation.",
        "needs": "Améliorer le français écrit ; faire reconnaître le diplôme.",
        "support_wishes": "Reprendre confiance et travailler dans la vente ou la logistique.",
        "first_step": "Inscription à l'atelier de français à visée professionnelle.",
    },
    {
        "schooling": "Formation d'ouvrier du bâtiment interrompue.",
        "experience": "Aide dans l'entreprise familiale de maçonnerie ; longue période sans emploi.",
        "skills": "Gestes du bâtiment, goût du travail bien fait.",
        "needs": "Régler des dettes ; retrouver un rythme de travail.",
        "support_wishes": "Obtenir une qualification reconnue.",
        "first_step": "Rendez-vous avec la conseillère budget.",
    },
)

INTERVIEW_NOTES: tuple[str, ...] = (
    "Point sur le chantier et les démarches en cours ; la personne se dit plus à l'aise avec l'équipe.",
    "Le dossier avance ; il manque un justificatif que la personne apportera.",
    "Échange sur le projet : une immersion serait utile pour confirmer le métier visé.",
    "Fatigue en fin de semaine ; horaires revus avec l'encadrant.",
)

OBSERVATIONS: tuple[tuple[str, str, bool], ...] = (
    (Category.SKILLS, "Prend en main la débroussailleuse seul·e, gestes sûrs.", False),
    (Category.ATTENDANCE, "Arrivé·e en retard trois matins cette semaine (bus).", True),
    (Category.BEHAVIOUR, "Aide spontanément les nouveaux arrivants de l'équipe.", False),
    (Category.WELL_BEING, "Semble préoccupé·e et fatigué·e depuis lundi.", True),
    (Category.SAFETY, "Rappel du port des gants et des lunettes : bien appliqué ensuite.", False),
)

OBJECTIVES: tuple[tuple[str, str], ...] = (
    ("Lever le frein principal avant la fin du premier contrat", "Le frein est noté « levé » au bilan."),
    ("Confirmer le métier visé par une immersion en entreprise", "Une immersion réalisée et évaluée."),
    ("Préparer la recherche d'emploi", "Un CV à jour et trois candidatures envoyées."),
)


def populate(result, *, rng: random.Random, today: datetime.date) -> None:
    """The programme of every demo person in contract; the first candidates get only their intake."""
    structures = result.structures
    pathways = (
        Pathway.objects.filter(structure__in=structures, status__in=(Status.IN_CONTRACT, Status.ELIGIBLE))
        .select_related("structure", "referent", "supervisor", "person", "programme")
        .annotate(first_start=Min("contracts__start_date"))
        .order_by("pk")
    )
    for pathway in pathways:
        if pathway.referent is None:
            continue
        if pathway.status == Status.ELIGIBLE or pathway.first_start is None:
            _intake(pathway, rng, today - datetime.timedelta(days=rng.randint(3, 20)))
            continue
        _programme(pathway, rng, today)


def _day(start: datetime.date, days: int, today: datetime.date) -> datetime.date:
    return min(start + datetime.timedelta(days=days), today)


def _intake(pathway: Pathway, rng: random.Random, on: datetime.date) -> Interview:
    return save_intake(
        pathway=pathway,
        by=pathway.referent,
        held_on=on,
        answers=rng.choice(INTAKE_ANSWERS),
        visibility=Visibility.SOCIAL_STAFF_ONLY,
        notes="Premier entretien : la personne a présenté son parcours et ses attentes.",
    )


def _programme(pathway: Pathway, rng: random.Random, today: datetime.date) -> None:
    start = pathway.first_start
    counsellor = pathway.referent
    supervisor = pathway.supervisor
    days_in = (today - start).days

    _intake(pathway, rng, _day(start, 2, today))
    _welcome(pathway, rng, start, today)
    barriers = _barriers(pathway, rng, start, today)
    _project(pathway, rng, counsellor)
    _plan(pathway, rng, start, today, barriers)
    _interviews(pathway, rng, start, today, fresh=rng.random() < 0.8)
    if supervisor is not None and days_in > 7:
        _observations(pathway, rng, start, today, counsellor, supervisor)


def _welcome(pathway: Pathway, rng: random.Random, start: datetime.date, today: datetime.date) -> None:
    steps = start_checklist(pathway)
    late_ones = 0 if rng.random() < 0.7 else rng.randint(1, 2)
    for index, step in enumerate(steps):
        if index >= len(steps) - late_ones:
            break  # left undone: late once its due day has passed
        done_on = _day(start, min(step.due_in_days or 0, 14) + rng.randint(0, 2), today)
        if done_on <= today:
            doer = pathway.supervisor if step.doer == "supervisor" and pathway.supervisor else pathway.referent
            mark_done(step, done_on=done_on, by=doer)


def _barriers(pathway: Pathway, rng: random.Random, start: datetime.date, today: datetime.date) -> list[Barrier]:
    stories = rng.sample(BARRIER_STORIES, rng.randint(2, 3))
    barriers = []
    identified_on = _day(start, 3, today)
    for priority, (domain, text, severity, _section, _title) in enumerate(stories, start=1):
        barrier = identify_barrier(
            pathway=pathway,
            domain=domain,
            by=pathway.referent,
            description=text,
            severity=severity,
            on=identified_on,
        )
        barrier.person_priority = priority
        barrier.save(update_fields=["person_priority"])
        barriers.append(barrier)
    # Worked on after a few weeks; by the fourth month, one is often lifted.
    days_in = (today - start).days
    for barrier in barriers:
        if days_in >= 21:
            update_barrier(
                barrier,
                status=BarrierStatus.BEING_WORKED_ON,
                severity=barrier.severity,
                note="Démarches engagées avec la personne.",
                by=pathway.referent,
                on=_day(start, 21, today),
            )
    if days_in >= 120 and rng.random() < 0.6:
        first = barriers[0]
        first.refresh_from_db()
        update_barrier(
            first,
            status=BarrierStatus.LIFTED,
            severity=0,
            note="Solution trouvée et stable depuis un mois.",
            by=pathway.referent,
            on=_day(start, 110, today),
        )
    return barriers


def _project(pathway: Pathway, rng: random.Random, counsellor) -> None:
    from tremplin.professional_project.jobs import COMMON_JOBS

    title, code = rng.choice([job for job in COMMON_JOBS if job[1]])
    TargetJob.objects.create(
        pathway=pathway,
        job_code=code,
        title=title,
        status=rng.choice([TargetJobStatus.TO_EXPLORE, TargetJobStatus.TO_CONFIRM, TargetJobStatus.CONFIRMED]),
        notes="Métier évoqué dès l'entretien d'accueil ; à vérifier sur le terrain.",
        constraints="Horaires de journée ; trajets possibles en transports en commun.",
        created_by=counsellor,
    )


def _plan(
    pathway: Pathway, rng: random.Random, start: datetime.date, today: datetime.date, barriers: list[Barrier]
) -> None:
    counsellor = pathway.referent
    plan = get_or_create_plan(pathway)
    plan.follow_up_frequency = rng.choice([FollowUpFrequency.FORTNIGHTLY, FollowUpFrequency.MONTHLY])
    plan.agreed_on = _day(start, 10, today)
    plan.save(update_fields=["follow_up_frequency", "agreed_on"])
    in_three_months = today + datetime.timedelta(days=90)
    objective = add_objective(
        pathway=pathway,
        text=OBJECTIVES[0][0],
        by=counsellor,
        barriers=barriers[:2],
        target_date=in_three_months,
        success_indicator=OBJECTIVES[0][1],
    )
    for text, indicator in OBJECTIVES[1:]:
        add_objective(
            pathway=pathway, text=text, by=counsellor, target_date=in_three_months, success_indicator=indicator
        )
    stories = {story[0]: story for story in BARRIER_STORIES}
    overdue: list[Action] = []
    for index, barrier in enumerate(barriers):
        _domain, _text, _severity, section, title = stories[barrier.domain]
        action = add_action(
            pathway=pathway,
            section=section,
            title=title,
            by=counsellor,
            objective=objective if index == 0 else None,
            owner_kind=OwnerKind.PERSON if index % 2 else OwnerKind.STAFF,
            due_date=today + datetime.timedelta(days=rng.randint(5, 40)),
        )
        roll = rng.random()
        if roll < 0.35:
            action.status = ActionStatus.DONE
            action.outcome = "Fait avec la personne ; justificatifs déposés."
            action.save()
        elif roll < 0.55:
            overdue.append(action)
    add_action(
        pathway=pathway,
        section=Section.JOB_SEARCH,
        title="Atelier CV et simulation d'entretien d'embauche",
        by=counsellor,
        due_date=today + datetime.timedelta(days=rng.randint(10, 60)),
    )
    # History: some actions were due before today and are still open (the overdue alert shows them).
    for action in overdue:
        Action.objects.filter(pk=action.pk).update(due_date=today - datetime.timedelta(days=rng.randint(2, 15)))
    if (today - start).days >= 45:
        record_review(
            pathway=pathway,
            reviewed_on=_day(start, 45, today),
            summary="Premier bilan du plan avec la personne : démarches engagées, priorités confirmées.",
            by=counsellor,
            next_review_on=today + datetime.timedelta(days=rng.randint(10, 45)),
        )
    if (today - start).days >= 150 and rng.random() < 0.5:
        objective.status = ObjectiveStatus.PARTLY_ACHIEVED
        objective.save()


def _interviews(pathway: Pathway, rng: random.Random, start: datetime.date, today: datetime.date, fresh: bool) -> None:
    """Follow-up meetings about every three weeks; the last one recent unless the person is out of touch."""
    counsellor = pathway.referent
    last = today - datetime.timedelta(days=rng.randint(1, 12) if fresh else rng.randint(25, 40))
    day = start + datetime.timedelta(days=21)
    while day <= last:
        held = day if day + datetime.timedelta(days=21) <= last else last
        interview = Interview(
            pathway=pathway,
            kind=Kind.TRIPARTITE if rng.random() < 0.1 else Kind.INDIVIDUAL,
            third_party="",
            planned_at=timezone.make_aware(datetime.datetime.combine(held, datetime.time(10, 0))),
            led_by=counsellor,
        )
        if interview.kind == Kind.TRIPARTITE:
            interview.third_party = "Conseillère France Travail"
        attended = rng.random() < 0.9
        record_interview(
            interview,
            held_on=held,
            attendance=Attendance.PRESENT if attended else Attendance.ABSENT_EXCUSED,
            notes=rng.choice(INTERVIEW_NOTES),
            visibility=Visibility.SOCIAL_STAFF_ONLY if rng.random() < 0.3 else Visibility.WHOLE_TEAM,
        )
        if held == last:
            break
        day = held + datetime.timedelta(days=21)
    if fresh:
        plan_interview(
            pathway=pathway,
            by=counsellor,
            kind=Kind.INDIVIDUAL,
            planned_at=timezone.make_aware(
                datetime.datetime.combine(today + datetime.timedelta(days=rng.randint(2, 14)), datetime.time(14, 0))
            ),
            visibility=Visibility.WHOLE_TEAM,
        )


def _observations(pathway: Pathway, rng: random.Random, start, today, counsellor, supervisor) -> None:
    for category, text, flagged in rng.sample(OBSERVATIONS, rng.randint(1, 3)):
        observation = Observation.objects.create(
            pathway=pathway,
            author=supervisor,
            observed_on=today - datetime.timedelta(days=rng.randint(0, min(20, (today - start).days))),
            category=category,
            text=text,
            needs_social_follow_up=flagged,
        )
        if flagged and rng.random() < 0.5:
            acknowledge(observation, by=counsellor)
