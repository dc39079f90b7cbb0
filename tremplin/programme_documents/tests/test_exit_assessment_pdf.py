import pytest
from django.urls import reverse

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.barriers.models import BarrierStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status, StatusChange
from tremplin.programme_documents.services import exit_assessment_context
from tremplin.structures.factories import StructureFactory

from .conftest import SOCIAL_ONLY_TEXT, TEAM_TEXT


def url(pathway):
    return reverse("programme_documents:exit_assessment_pdf", kwargs={"pathway_id": pathway.public_id})


def test_it_prints_what_was_identified_lifted_and_done(client, programme_pathway, pdf_text):
    barrier = programme_pathway.barriers.get(description=TEAM_TEXT)
    barrier.status = BarrierStatus.LIFTED
    barrier.save()
    client.force_login(programme_pathway.counsellor)
    response = client.get(url(programme_pathway))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Diallo" in text
    assert "Bilan de sortie" in text
    assert "Freins : à l'entrée et aujourd'hui" in text
    assert "1 frein levé sur 2 repérés" in text
    assert "Étapes d'accueil réalisées : 0 sur 1" in text
    assert "Atelier CV" in text  # the action done
    assert "S'inscrire à l'auto-école solidaire" not in text  # still planned: not an achievement
    assert AccessLogEntry.objects.filter(
        person_public_id=programme_pathway.person.public_id, part="programme_pdf", action="export"
    ).exists()


def test_the_context_counts_entry_and_lifted_barriers_within_what_the_reader_sees(programme_pathway):
    counsellor = Membership.objects.get(user=programme_pathway.counsellor)
    context = exit_assessment_context(programme_pathway, counsellor)
    assert {row.barrier.description for row in context["barrier_rows"]} == {TEAM_TEXT, SOCIAL_ONLY_TEXT}
    assert context["lifted_count"] == 0
    assert context["welcome_total"] == 1
    assert [a.title for a in context["done_actions"]] == ["Atelier CV"]
    assert len(context["contracts"]) == 1 and context["total_days"] == 181
    assert context["exit"] is None

    supervisor = Membership.objects.get(user=programme_pathway.team_supervisor)
    rows = exit_assessment_context(programme_pathway, supervisor)["barrier_rows"]
    assert [row.barrier.description for row in rows] == [TEAM_TEXT]


def test_an_exited_pathway_shows_its_exit_and_reason(client, programme_pathway, pdf_text):
    programme_pathway.status = Status.EXITED
    programme_pathway.save()
    StatusChange.objects.create(
        pathway=programme_pathway, from_status=Status.IN_CONTRACT, to_status=Status.EXITED, reason="Embauche en CDI"
    )
    client.force_login(programme_pathway.counsellor)
    text = pdf_text(client.get(url(programme_pathway)).content)
    assert "Embauche en CDI" in text
    assert "Sorti·e" in text


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.DPO])
def test_editors_and_the_dpo_may_print_it(client, member, programme_pathway, role):
    client.force_login(member(role))
    assert client.get(url(programme_pathway)).status_code == 200


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_other_members_who_see_the_person_are_refused(client, member, programme_pathway, role):
    client.force_login(member(role))
    assert client.get(url(programme_pathway)).status_code == 403


def test_the_teams_supervisor_is_refused_and_others_do_not_learn_of_the_person(client, member, programme_pathway):
    client.force_login(programme_pathway.team_supervisor)
    assert client.get(url(programme_pathway)).status_code == 403
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(programme_pathway)).status_code == 404
    client.force_login(member(Role.PARTNER))
    assert client.get(url(programme_pathway)).status_code == 404


def test_it_refuses_another_structures_pathway(client, member):
    other = PathwayFactory(person__structure=StructureFactory())
    client.force_login(member(Role.DPO))
    assert client.get(url(other)).status_code == 404
