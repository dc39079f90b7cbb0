"""Visibility follows the data (docs/decisions/0008): whatever derives from or points to an item kept for
the social staff is kept for them too, on every page that shows it, for every role and for partners.

The world: a person with a justice barrier (social staff only by its domain), an objective linked to it with
its indicator and actions, an orientation to an addiction-care centre with its reason (which records the
consent naming that centre and opens a share to it), a second partner with consent to read the objectives,
and the timeline events all of these write.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan import services as plan_services
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.action_plan.models import ActionStatus, Objective, Section
from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import Barrier, BarrierDomain
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.handover.factories import HandoverFactory, HandoverItemFactory
from tremplin.orientations import services as orientation_services
from tremplin.orientations.models import SharedItem
from tremplin.partner_portal.factories import PartnerAccountFactory
from tremplin.partners.factories import PartnerOrganisationFactory, PartnerServiceFactory
from tremplin.partners.models import PartnerKind
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.review_meetings.factories import ReviewItemFactory, ReviewMeetingFactory
from tremplin.review_meetings.services import summary_pathways
from tremplin.structures.factories import StructureFactory, WorksiteFactory
from tremplin.timeline.models import EventKind, TimelineEvent

OBJECTIVE = "Respecter les obligations du sursis probatoire"
INDICATOR = "Attestation de suivi remise au SPIP chaque mois"
ACTION = "Rendez-vous mensuel au SPIP"
DONE_ACTION = "Premier entretien au SPIP"
PARTNER = "CSAPA Le Relais"
REASON = "Accompagnement en addictologie prévu par le sursis probatoire"
SENSITIVE = (OBJECTIVE, INDICATOR, ACTION, DONE_ACTION, PARTNER, REASON)

STAFF_ROLES = [role for role in Role if role != Role.PARTNER]


@pytest.fixture
def world(db):
    structure = StructureFactory(name="Atelier du Nord")
    users = {role: MembershipFactory(structure=structure, role=role).user for role in STAFF_ROLES}
    counsellor = users[Role.COUNSELLOR]
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(users[Role.SUPERVISOR])
    person = PersonFactory(structure=structure)
    pathway = PathwayFactory(
        person=person,
        status=Status.IN_CONTRACT,
        referent=counsellor,
        supervisor=users[Role.SUPERVISOR],
        worksite=worksite,
    )
    ContractFactory(pathway=pathway, worksite=worksite)
    barrier = BarrierFactory(pathway=pathway, domain=BarrierDomain.JUSTICE, description="Sursis probatoire")
    assert barrier.visibility == Visibility.SOCIAL_STAFF_ONLY
    plan = ActionPlanFactory(pathway=pathway)
    objective = ObjectiveFactory(plan=plan, text=OBJECTIVE, success_indicator=INDICATOR, barriers=[barrier])
    ActionFactory(plan=plan, objective=objective, title=ACTION, section=Section.PERSONAL_SUPPORT)
    done = ActionFactory(plan=plan, objective=objective, title=DONE_ACTION, section=Section.PERSONAL_SUPPORT)
    done.status = ActionStatus.DONE
    done.save()
    # An objective anyone on the team (and a partner with consent) may read, to prove pages still show the rest.
    ObjectiveFactory(plan=plan, text="Obtenir le permis B", success_indicator="Permis obtenu")
    # A review of the plan lists what changed since the last one, objectives and actions by name.
    plan_services.record_review(pathway=pathway, reviewed_on=datetime.date.today(), summary="Point", by=counsellor)

    csapa = PartnerOrganisationFactory(structure=structure, name=PARTNER, kind=PartnerKind.HEALTH)
    csapa_service = PartnerServiceFactory(organisation=csapa, name="Consultation", needs=["addictions", "health"])
    orientation = orientation_services.orient(
        pathway=pathway,
        service=csapa_service,
        reason=REASON,
        shared_items=[SharedItem.STATUS, SharedItem.OBJECTIVES],
        by=counsellor,
        barrier=barrier,
        record_consent=True,
        send=True,
    )
    employment = PartnerOrganisationFactory(
        structure=structure, name="Mission locale de Lille", kind=PartnerKind.PUBLIC_EMPLOYMENT
    )
    orientation_services.share_pathway(
        pathway=pathway,
        organisation=employment,
        items=[SharedItem.STATUS, SharedItem.OBJECTIVES, SharedItem.PROJECT, SharedItem.NOTES],
        by=counsellor,
        record_consent=True,
    )
    partners = {
        "employment partner": PartnerAccountFactory(
            membership__structure=structure, membership__role=Role.PARTNER, organisation=employment
        ).membership.user,
        "addiction-care partner": PartnerAccountFactory(
            membership__structure=structure, membership__role=Role.PARTNER, organisation=csapa
        ).membership.user,
    }
    meeting = ReviewMeetingFactory(structure=structure)
    ReviewItemFactory(meeting=meeting, pathway=pathway)
    handover = HandoverFactory(structure=structure, to_referent=counsellor)
    HandoverItemFactory(handover=handover, pathway=pathway)
    return {
        "structure": structure,
        "users": users,
        "partners": partners,
        "person": person,
        "pathway": pathway,
        "barrier": barrier,
        "objective": objective,
        "orientation": orientation,
        "meeting": meeting,
        "handover": handover,
    }


def pdf_words(body: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "page.pdf"
    path.write_bytes(body)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def staff_pages(world) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every staff page showing these items: url, and the sensitive strings a social reader must find there."""
    pathway, person = world["pathway"].public_id, world["person"].public_id
    return {
        "plan": (reverse("action_plan:plan", args=[pathway]), (OBJECTIVE, INDICATOR, ACTION, DONE_ACTION)),
        "person": (reverse("people:detail", args=[person]), ()),
        "timeline": (reverse("timeline:pathway", args=[pathway]), (PARTNER,)),
        "orientations": (reverse("orientations:pathway", args=[pathway]), (PARTNER,)),
        "orientation": (reverse("orientations:detail", args=[world["orientation"].public_id]), (PARTNER, REASON)),
        "consents": (reverse("consent:person", args=[person]), (PARTNER,)),
        "programme pdf": (reverse("programme_documents:programme_pdf", args=[pathway]), (OBJECTIVE,)),
        "exit assessment pdf": (reverse("programme_documents:exit_assessment_pdf", args=[pathway]), ()),
        "review meeting": (reverse("review_meetings:detail", args=[world["meeting"].public_id]), ()),
        "handover": (reverse("handover:detail", args=[world["handover"].public_id]), ()),
        "home": (reverse("dashboards:home"), ()),
    }


def text_of(response, tmp_path) -> str:
    body = response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return pdf_words(body, tmp_path)
    return body.decode()


def reads_social(user, structure) -> bool:
    return Visibility.SOCIAL_STAFF_ONLY in visibilities_for(user.memberships.get(structure=structure))


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_items_derived_from_a_social_only_barrier_reach_only_the_social_staff(client, world, role, tmp_path):
    user = world["users"][role]
    allowed = reads_social(user, world["structure"])
    client.force_login(user)
    failures = []
    for page, (url, expected) in staff_pages(world).items():
        response = client.get(url)
        text = text_of(response, tmp_path) if response.status_code == 200 else ""
        if allowed and response.status_code == 200:
            failures += [f"{page}: missing « {s} »" for s in expected if s not in text]
        elif not allowed:
            failures += [f"{page} ({response.status_code}): shows « {s} »" for s in SENSITIVE if s in text]
    assert not failures, f"{role}:\n" + "\n".join(failures)


def test_the_job_coach_never_sees_it_and_the_counsellor_does(client, world):
    """The hard floor, whatever visibilities_for says one day."""
    url = reverse("action_plan:plan", args=[world["pathway"].public_id])
    client.force_login(world["users"][Role.JOB_COACH])
    coach_page = client.get(url).content.decode()
    assert "Obtenir le permis B" in coach_page
    assert not [s for s in SENSITIVE if s in coach_page]
    client.force_login(world["users"][Role.COUNSELLOR])
    counsellor_page = client.get(url).content.decode()
    assert OBJECTIVE in counsellor_page and INDICATOR in counsellor_page and ACTION in counsellor_page
    client.force_login(world["users"][Role.ADMIN])
    assert OBJECTIVE not in client.get(url).content.decode()


@pytest.mark.parametrize("partner", ["employment partner", "addiction-care partner"])
def test_partners_with_consent_never_see_what_derives_from_a_social_only_barrier(client, world, partner):
    client.force_login(world["partners"][partner])
    response = client.get(reverse("partner_portal:pathway", args=[world["pathway"].public_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Obtenir le permis B" in page  # the objectives the consent opens are there
    for secret in (OBJECTIVE, INDICATOR, ACTION, DONE_ACTION):
        assert secret not in page
    if partner == "employment partner":
        # Another partner never learns that the person is oriented to an addiction-care centre.
        assert PARTNER not in page and REASON not in page
    home = client.get(reverse("partner_portal:home")).content.decode()
    assert OBJECTIVE not in home and (partner != "employment partner" or PARTNER not in home)


def test_the_stored_levels_follow_the_sources(world):
    objective = world["objective"]
    assert objective.visibility == Visibility.SOCIAL_STAFF_ONLY
    assert {a.visibility for a in objective.actions.all()} == {Visibility.SOCIAL_STAFF_ONLY}
    assert world["orientation"].visibility == Visibility.SOCIAL_STAFF_ONLY
    assert {c.visibility for c in world["person"].consents.filter(partner_name=PARTNER)} == {
        Visibility.SOCIAL_STAFF_ONLY
    }
    events = TimelineEvent.objects.filter(pathway=world["pathway"], kind__in=[EventKind.ORIENTATION])
    assert events and {e.visibility for e in events} == {Visibility.SOCIAL_STAFF_ONLY}
    done = TimelineEvent.objects.get(pathway=world["pathway"], kind=EventKind.ACTION_DONE)
    assert done.visibility == Visibility.SOCIAL_STAFF_ONLY


def test_the_review_agenda_counts_only_the_objectives_the_reader_may_see(world):
    since = datetime.date.today() - datetime.timedelta(days=30)
    team = summary_pathways({Visibility.WHOLE_TEAM, Visibility.SHAREABLE_WITH_PARTNERS}, since)
    social = summary_pathways(set(Visibility), since)
    assert team.get(pk=world["pathway"].pk).open_objectives == 1
    assert social.get(pk=world["pathway"].pk).open_objectives == 2


@pytest.mark.django_db
def test_a_barrier_made_social_only_later_hides_its_objective_actions_and_orientation(client):
    structure = StructureFactory()
    coach = MembershipFactory(structure=structure, role=Role.JOB_COACH).user
    counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    pathway = PathwayFactory(person__structure=structure, status=Status.IN_CONTRACT, referent=counsellor)
    barrier = BarrierFactory(pathway=pathway, domain=BarrierDomain.MOBILITY)
    assert barrier.visibility == Visibility.WHOLE_TEAM
    plan = ActionPlanFactory(pathway=pathway)
    objective = ObjectiveFactory(plan=plan, text=OBJECTIVE, success_indicator=INDICATOR, barriers=[barrier])
    ActionFactory(plan=plan, objective=objective, title=ACTION)
    housing = PartnerOrganisationFactory(structure=structure, name="Agence mobilité", kind=PartnerKind.MOBILITY)
    service = PartnerServiceFactory(organisation=housing, needs=["mobility"])
    orientation = orientation_services.orient(
        pathway=pathway,
        service=service,
        reason=REASON,
        shared_items=[SharedItem.STATUS],
        by=counsellor,
        barrier=barrier,
        record_consent=True,
    )
    url = reverse("action_plan:plan", args=[pathway.public_id])
    orientations_url = reverse("orientations:detail", args=[orientation.public_id])
    client.force_login(coach)
    assert OBJECTIVE in client.get(url).content.decode()
    assert REASON in client.get(orientations_url).content.decode()

    barrier = Barrier.objects.get(pk=barrier.pk)
    barrier.visibility = Visibility.SOCIAL_STAFF_ONLY
    barrier.save()

    page = client.get(url).content.decode()
    assert OBJECTIVE not in page and INDICATOR not in page and ACTION not in page
    assert REASON not in client.get(orientations_url).content.decode()
    assert Objective.objects.get(pk=objective.pk).visibility == Visibility.SOCIAL_STAFF_ONLY
    assert not TimelineEvent.objects.filter(
        pathway=pathway, kind=EventKind.ORIENTATION, visibility__in=visibilities_for(coach.memberships.get())
    ).exists()

    # Back to the whole team: what follows only the barrier follows it back.
    barrier.visibility = Visibility.WHOLE_TEAM
    barrier.save()
    assert OBJECTIVE in client.get(url).content.decode()


# Decision 0013: an objective addresses several barriers and takes the most restrictive of their levels.
SHARED_OBJECTIVE = "Se rendre seul·e au chantier et aux rendez-vous"
SHARED_ACTION = "Trajet accompagné vers le chantier"


@pytest.fixture
def shared_objective(db):
    """An objective on a barrier shared with partners, with a done action, opened to an employment partner."""
    structure = StructureFactory()
    users = {role: MembershipFactory(structure=structure, role=role).user for role in STAFF_ROLES}
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(users[Role.SUPERVISOR])
    pathway = PathwayFactory(
        person__structure=structure,
        status=Status.IN_CONTRACT,
        referent=users[Role.COUNSELLOR],
        supervisor=users[Role.SUPERVISOR],
        worksite=worksite,
    )
    ContractFactory(pathway=pathway, worksite=worksite)
    mobility = BarrierFactory(
        pathway=pathway, domain=BarrierDomain.MOBILITY, visibility=Visibility.SHAREABLE_WITH_PARTNERS
    )
    justice = BarrierFactory(pathway=pathway, domain=BarrierDomain.JUSTICE, description="Contrôle judiciaire")
    plan = ActionPlanFactory(pathway=pathway)
    objective = ObjectiveFactory(plan=plan, text=SHARED_OBJECTIVE, barriers=[mobility])
    done = ActionFactory(plan=plan, objective=objective, title=SHARED_ACTION)
    done.status = ActionStatus.DONE
    done.save()
    employment = PartnerOrganisationFactory(structure=structure, name="Pôle emploi", kind=PartnerKind.PUBLIC_EMPLOYMENT)
    orientation_services.share_pathway(
        pathway=pathway,
        organisation=employment,
        items=[SharedItem.STATUS, SharedItem.OBJECTIVES],
        by=users[Role.COUNSELLOR],
        record_consent=True,
    )
    partner = PartnerAccountFactory(
        membership__structure=structure, membership__role=Role.PARTNER, organisation=employment
    ).membership.user
    assert objective.visibility == Visibility.SHAREABLE_WITH_PARTNERS
    return {"users": users, "partner": partner, "pathway": pathway, "objective": objective, "justice": justice}


def _who_reads_the_objective(client, world, tmp_path) -> dict[str, bool]:
    """For every staff role and the partner: whether the objective or its action appears on the plan, the
    timeline, the programme PDF or the partner's summary."""
    pathway = world["pathway"].public_id
    pages = [
        reverse("action_plan:plan", args=[pathway]),
        reverse("timeline:pathway", args=[pathway]),
        reverse("programme_documents:programme_pdf", args=[pathway]),
    ]
    found = {}
    for role, user in world["users"].items():
        client.force_login(user)
        texts = [text_of(r, tmp_path) for r in map(client.get, pages) if r.status_code == 200]
        found[role] = any(SHARED_OBJECTIVE in t or SHARED_ACTION in t for t in texts)
    client.force_login(world["partner"])
    summary = client.get(reverse("partner_portal:pathway", args=[pathway])).content.decode()
    found["partner"] = SHARED_OBJECTIVE in summary
    return found


def test_adding_a_social_only_barrier_to_an_objective_hides_it_everywhere_and_removing_it_shows_it_again(
    client, shared_objective, tmp_path
):
    world = shared_objective
    before = _who_reads_the_objective(client, world, tmp_path)
    assert before["partner"] and before[Role.JOB_COACH] and before[Role.COUNSELLOR]

    world["objective"].barriers.add(world["justice"])
    hidden = _who_reads_the_objective(client, world, tmp_path)
    for role, user in world["users"].items():
        social = reads_social(user, user.memberships.get().structure)
        assert hidden[role] == (before[role] and social), role
    assert not hidden["partner"]
    assert hidden[Role.COUNSELLOR] and not hidden[Role.JOB_COACH] and not hidden[Role.SUPERVISOR]
    event = TimelineEvent.objects.get(pathway=world["pathway"], kind=EventKind.ACTION_DONE)
    assert event.visibility == Visibility.SOCIAL_STAFF_ONLY
    # The subject-access export is for the person: it keeps the objective and both its barriers.
    from tremplin.rights.services import export_person

    [exported] = [o for o in export_person(world["pathway"].person)["objectives"] if o["text"] == SHARED_OBJECTIVE]
    assert set(exported["barriers"]) == {str(b.public_id) for b in world["objective"].barriers.all()}
    assert len(exported["barriers"]) == 2

    world["objective"].barriers.remove(world["justice"])
    assert _who_reads_the_objective(client, world, tmp_path) == before


def test_linking_from_the_barriers_side_levels_the_objective_too(shared_objective):
    """`barrier.objectives.add(objective)` goes through the same m2m_changed signal."""
    world = shared_objective
    world["justice"].objectives.add(world["objective"])
    assert Objective.objects.get(pk=world["objective"].pk).visibility == Visibility.SOCIAL_STAFF_ONLY
    world["justice"].objectives.clear()
    assert Objective.objects.get(pk=world["objective"].pk).visibility == Visibility.SHAREABLE_WITH_PARTNERS


def test_refresh_pathway_levels_an_objective_by_its_most_restrictive_barrier(shared_objective):
    """The one propagation function reads the many-to-many (a bulk insert skips the signal)."""
    from tremplin.core.derived_visibility import refresh_pathway

    world = shared_objective
    Objective.barriers.through.objects.create(objective=world["objective"], barrier=world["justice"])
    refresh_pathway(world["pathway"].pk)
    assert Objective.objects.get(pk=world["objective"].pk).visibility == Visibility.SOCIAL_STAFF_ONLY
    assert {a.visibility for a in world["objective"].actions.all()} == {Visibility.SOCIAL_STAFF_ONLY}


def test_a_barrier_of_an_objective_made_social_only_later_hides_the_objective(shared_objective):
    world = shared_objective
    world["objective"].barriers.add(BarrierFactory(pathway=world["pathway"], domain=BarrierDomain.HOUSING))
    [housing] = world["objective"].barriers.filter(domain=BarrierDomain.HOUSING)
    housing.visibility = Visibility.SOCIAL_STAFF_ONLY
    housing.save()
    assert Objective.objects.get(pk=world["objective"].pk).visibility == Visibility.SOCIAL_STAFF_ONLY
