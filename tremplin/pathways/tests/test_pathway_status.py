import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status, StatusChange


def url(pathway) -> str:
    return reverse("pathways:status", args=[pathway.public_id])


def set_status(pathway, status) -> Pathway:
    Pathway.objects.filter(pk=pathway.pk).update(status=status)
    pathway.refresh_from_db()
    return pathway


def offered(response) -> set[str]:
    return {value for value, _label in response.context["form"].fields["to_status"].choices if value}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "current, expected",
    [
        (Status.CANDIDATE, {Status.NOT_ELIGIBLE, Status.WITHDRAWN}),
        (Status.ELIGIBLE, {Status.NOT_ELIGIBLE, Status.WITHDRAWN}),
        (Status.NOT_ELIGIBLE, {Status.CANDIDATE, Status.CLOSED}),
        (Status.IN_CONTRACT, {Status.EXITED}),
        (Status.EXITED, {Status.FOLLOW_UP, Status.CLOSED}),
        (Status.FOLLOW_UP, {Status.CLOSED}),
        (Status.WITHDRAWN, {Status.CANDIDATE, Status.CLOSED}),
    ],
)
def test_it_offers_the_allowed_transitions_but_not_eligibility_or_contract(
    client, counsellor, pathway, current, expected
):
    set_status(pathway, current)
    client.force_login(counsellor)

    response = client.get(url(pathway))

    assert response.status_code == 200
    assert offered(response) == expected
    assert "découlent du diagnostic d&#x27;éligibilité et de la signature du contrat" in response.content.decode()


@pytest.mark.django_db
def test_a_closed_pathway_offers_no_change(client, counsellor, pathway):
    set_status(pathway, Status.CLOSED)
    client.force_login(counsellor)

    response = client.get(url(pathway))
    assert response.status_code == 200
    assert "Aucun changement de statut n'est possible" in response.content.decode()
    assert '<form method="post" novalidate>' not in response.content.decode()

    client.post(url(pathway), {"to_status": Status.CANDIDATE, "reason": "Retour"})
    pathway.refresh_from_db()
    assert pathway.status == Status.CLOSED


@pytest.mark.django_db
def test_it_moves_the_pathway_and_records_who_and_why(client, counsellor, pathway):
    client.force_login(counsellor)

    response = client.post(url(pathway), {"to_status": Status.WITHDRAWN, "reason": "  Entrée en formation ailleurs "})

    assert response.status_code == 302
    assert response.url == reverse("people:detail", args=[pathway.person.public_id])
    pathway.refresh_from_db()
    assert pathway.status == Status.WITHDRAWN
    change = StatusChange.objects.filter(pathway=pathway).first()
    assert (change.from_status, change.to_status, change.changed_by, change.reason) == (
        Status.CANDIDATE,
        Status.WITHDRAWN,
        counsellor,
        "Entrée en formation ailleurs",
    )


@pytest.mark.django_db
def test_it_says_so_after_the_change(client, counsellor, pathway):
    set_status(pathway, Status.IN_CONTRACT)
    client.force_login(counsellor)

    response = client.post(url(pathway), {"to_status": Status.EXITED}, follow=True)

    assert "Nouveau statut enregistré pour Inès Lambert : « Sorti·e »." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "current, target",
    [
        (Status.CANDIDATE, Status.WITHDRAWN),
        (Status.CANDIDATE, Status.NOT_ELIGIBLE),
        (Status.EXITED, Status.CLOSED),
    ],
)
def test_a_reason_is_required_to_leave_the_pathway(client, counsellor, pathway, current, target):
    set_status(pathway, current)
    client.force_login(counsellor)

    response = client.post(url(pathway), {"to_status": target, "reason": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "reason": [f"Le motif est obligatoire pour passer au statut « {Status(target).label} » : indiquez-le."]
    }
    pathway.refresh_from_db()
    assert pathway.status == current


@pytest.mark.django_db
def test_no_reason_is_needed_for_other_moves(client, counsellor, pathway):
    set_status(pathway, Status.EXITED)
    client.force_login(counsellor)

    assert client.post(url(pathway), {"to_status": Status.FOLLOW_UP}).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("target", [Status.ELIGIBLE, Status.IN_CONTRACT, Status.EXITED, "nonsense", ""])
def test_it_refuses_a_status_that_is_not_offered(client, counsellor, pathway, target):
    client.force_login(counsellor)

    response = client.post(url(pathway), {"to_status": target, "reason": "Essai"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["to_status"]
    pathway.refresh_from_db()
    assert pathway.status == Status.CANDIDATE


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR])
def test_editors_may_change_the_status(client, member, pathway, role):
    client.force_login(member(role))

    assert client.get(url(pathway)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_readers_get_403_and_change_nothing(client, member, pathway, role):
    client.force_login(member(role))

    assert client.get(url(pathway)).status_code == 403
    assert client.post(url(pathway), {"to_status": Status.WITHDRAWN, "reason": "x"}).status_code == 403
    pathway.refresh_from_db()
    assert pathway.status == Status.CANDIDATE


@pytest.mark.django_db
def test_a_supervisor_of_the_team_gets_403_and_others_404(client, member, pathway):
    in_team = member(Role.SUPERVISOR)
    pathway.supervisor = in_team
    pathway.save()
    client.force_login(in_team)
    assert client.get(url(pathway)).status_code == 403

    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_structures_pathway(client, pathway, other_structure):
    client.force_login(MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user)

    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), {"to_status": Status.WITHDRAWN, "reason": "x"}).status_code == 404
    pathway.refresh_from_db()
    assert pathway.status == Status.CANDIDATE


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, pathway):
    response = client.get(url(pathway))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
