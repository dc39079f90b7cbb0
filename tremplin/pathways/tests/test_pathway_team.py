import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.core.tests.helpers import with_token
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.structures.factories import WorksiteFactory


def url(pathway) -> str:
    return reverse("pathways:team", args=[pathway.public_id])


@pytest.mark.django_db
def test_it_assigns_referent_supervisor_and_worksite(client, counsellor, member, pathway, worksite):
    case_manager = member(Role.CASE_MANAGER)
    supervisor = member(Role.SUPERVISOR)
    worksite.supervisors.add(supervisor)
    client.force_login(counsellor)

    response = client.post(
        url(pathway),
        with_token(
            client, url(pathway), {"referent": case_manager.pk, "supervisor": supervisor.pk, "worksite": worksite.pk}
        ),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("people:detail", args=[pathway.person.public_id])
    assert "Équipe du parcours enregistrée pour Inès Lambert." in response.content.decode()
    pathway.refresh_from_db()
    assert (pathway.referent, pathway.supervisor, pathway.worksite) == (case_manager, supervisor, worksite)
    assert pathway.status == Status.CANDIDATE


@pytest.mark.django_db
def test_everything_may_be_left_empty(client, counsellor, pathway):
    client.force_login(counsellor)

    empty = {"referent": "", "supervisor": "", "worksite": ""}
    assert client.post(url(pathway), with_token(client, url(pathway), empty)).status_code == 302
    pathway.refresh_from_db()
    assert pathway.referent is None


@pytest.mark.django_db
def test_choices_are_the_structures_active_members_by_role_and_active_worksites(
    client, structure, counsellor, member, pathway, worksite, other_structure
):
    director = member(Role.DIRECTOR)
    case_manager = member(Role.CASE_MANAGER)
    supervisor = member(Role.SUPERVISOR)
    job_coach = member(Role.JOB_COACH)
    inactive_counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR, is_active=False).user
    inactive_supervisor = MembershipFactory(structure=structure, role=Role.SUPERVISOR, is_active=False).user
    foreign_counsellor = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    foreign_supervisor = MembershipFactory(structure=other_structure, role=Role.SUPERVISOR).user
    closed_worksite = WorksiteFactory(structure=structure, is_active=False)
    foreign_worksite = WorksiteFactory(structure=other_structure)
    client.force_login(counsellor)

    fields = client.get(url(pathway)).context["form"].fields

    assert set(fields["referent"].queryset) == {counsellor, director, case_manager}
    assert set(fields["supervisor"].queryset) == {supervisor}
    assert list(fields["worksite"].queryset) == [worksite]
    offered = set(fields["referent"].queryset) | set(fields["supervisor"].queryset)
    for absent in (job_coach, inactive_counsellor, inactive_supervisor, foreign_counsellor, foreign_supervisor):
        assert absent not in offered
    assert closed_worksite not in fields["worksite"].queryset
    assert foreign_worksite not in fields["worksite"].queryset


@pytest.mark.django_db
def test_a_user_with_memberships_in_both_structures_is_offered_for_their_role_here_only(
    client, structure, counsellor, pathway, other_structure
):
    """A supervisor here who counsels elsewhere must not be offered as référent·e here."""
    both = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    MembershipFactory(user=both, structure=other_structure, role=Role.COUNSELLOR)
    client.force_login(counsellor)

    fields = client.get(url(pathway)).context["form"].fields

    assert both not in fields["referent"].queryset
    assert both in fields["supervisor"].queryset


@pytest.mark.django_db
def test_it_refuses_another_structures_users_and_worksites(client, counsellor, pathway, other_structure):
    foreign_counsellor = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    foreign_supervisor = MembershipFactory(structure=other_structure, role=Role.SUPERVISOR).user
    client.force_login(counsellor)

    response = client.post(
        url(pathway),
        {
            "referent": foreign_counsellor.pk,
            "supervisor": foreign_supervisor.pk,
            "worksite": WorksiteFactory(structure=other_structure).pk,
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"referent", "supervisor", "worksite"}
    assert "n'est pas un·e encadrant·e actif·ve de votre structure" in errors["supervisor"][0]
    pathway.refresh_from_db()
    assert pathway.referent == counsellor
    assert pathway.supervisor is None


@pytest.mark.django_db
def test_it_refuses_a_member_in_the_wrong_role(client, counsellor, member, pathway):
    client.force_login(counsellor)

    response = client.post(url(pathway), {"referent": member(Role.SUPERVISOR).pk, "supervisor": counsellor.pk})

    assert set(response.context["form"].errors) == {"referent", "supervisor"}


@pytest.mark.django_db
def test_it_warns_when_the_worksite_has_too_many_people_per_supervisor(
    client, structure, counsellor, member, pathway, programme, worksite
):
    supervisor = member(Role.SUPERVISOR)
    worksite.supervisors.add(supervisor)
    for _index in range(13):
        ContractFactory(
            pathway=PathwayFactory(person__structure=structure, programme=programme, status=Status.IN_CONTRACT),
            worksite=worksite,
        )
    client.force_login(counsellor)

    response = client.post(
        url(pathway),
        with_token(client, url(pathway), {"supervisor": supervisor.pk, "worksite": worksite.pk}),
        follow=True,
    )

    html = response.content.decode()
    assert "encadrement dépassé : 13 personnes en contrat pour 1 encadrant·e," in html
    pathway.refresh_from_db()
    assert pathway.worksite == worksite


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR])
def test_editors_may_assign_the_team(client, member, pathway, role):
    client.force_login(member(role))

    assert client.get(url(pathway)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_readers_get_403_and_change_nothing(client, member, pathway, role):
    user = member(role)
    client.force_login(user)

    assert client.get(url(pathway)).status_code == 403
    assert client.post(url(pathway), {"referent": ""}).status_code == 403
    pathway.refresh_from_db()
    assert pathway.referent is not None


@pytest.mark.django_db
def test_a_supervisor_of_the_team_gets_403_and_others_404(client, member, pathway):
    in_team = member(Role.SUPERVISOR)
    pathway.supervisor = in_team
    pathway.save()
    client.force_login(in_team)
    assert client.get(url(pathway)).status_code == 403
    assert client.post(url(pathway), {"supervisor": ""}).status_code == 403

    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_structures_pathway(client, pathway, other_structure):
    client.force_login(MembershipFactory(structure=other_structure, role=Role.DIRECTOR).user)

    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), {"referent": ""}).status_code == 404
    pathway.refresh_from_db()
    assert pathway.referent is not None


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, pathway):
    response = client.get(url(pathway))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
