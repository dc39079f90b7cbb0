import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways import services
from tremplin.pathways.models import Pathway, Status, StatusChange
from tremplin.programmes.factories import ProgrammeFactory


def url(person) -> str:
    return reverse("pathways:open", args=[person.public_id])


@pytest.mark.django_db
def test_it_opens_a_new_pathway_in_another_programme(client, structure, counsellor, person, pathway):
    second = ProgrammeFactory(structure=structure, name="EI bâtiment")
    client.force_login(counsellor)

    response = client.post(url(person), {"programme": second.pk, "referent": counsellor.pk, "referral_source": "PLIE"})

    assert response.status_code == 302
    assert response.url == reverse("people:detail", args=[person.public_id])
    opened = Pathway.objects.get(programme=second)
    assert (opened.person, opened.status, opened.referent, opened.referral_source) == (
        person,
        Status.CANDIDATE,
        counsellor,
        "PLIE",
    )
    assert StatusChange.objects.filter(pathway=opened, changed_by=counsellor).count() == 1


@pytest.mark.django_db
def test_it_says_so_after_opening(client, structure, counsellor, person):
    programme = ProgrammeFactory(structure=structure, name="EI bâtiment")
    client.force_login(counsellor)

    response = client.post(url(person), {"programme": programme.pk}, follow=True)

    assert "Un nouveau parcours « EI bâtiment » est ouvert pour Inès Lambert." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Status.CANDIDATE, Status.ELIGIBLE, Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP]
)
def test_it_refuses_a_second_ongoing_pathway_in_the_same_programme(client, counsellor, person, pathway, status):
    Pathway.objects.filter(pk=pathway.pk).update(status=status)
    client.force_login(counsellor)

    response = client.post(url(person), {"programme": pathway.programme.pk})

    assert response.status_code == 200
    [message] = response.context["form"].errors["programme"]
    assert "Inès Lambert a déjà un parcours en cours dans ce dispositif" in message
    assert Pathway.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.CLOSED, Status.WITHDRAWN, Status.NOT_ELIGIBLE])
def test_it_allows_a_new_pathway_once_the_previous_one_ended(client, counsellor, person, pathway, status):
    Pathway.objects.filter(pk=pathway.pk).update(status=status)
    client.force_login(counsellor)

    response = client.post(url(person), {"programme": pathway.programme.pk})

    assert response.status_code == 302
    assert Pathway.objects.count() == 2


@pytest.mark.django_db
def test_it_refuses_another_structures_programme_and_referent(client, counsellor, person, other_structure):
    outsider = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    client.force_login(counsellor)

    response = client.post(
        url(person), {"programme": ProgrammeFactory(structure=other_structure).pk, "referent": outsider.pk}
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"programme", "referent"}
    assert not Pathway.objects.exists()


@pytest.mark.django_db
def test_an_inactive_programme_is_not_offered(client, structure, counsellor, person, programme):
    closed = ProgrammeFactory(structure=structure, is_active=False)
    client.force_login(counsellor)

    assert list(client.get(url(person)).context["form"].fields["programme"].queryset) == [programme]
    assert "programme" in client.post(url(person), {"programme": closed.pk}).context["form"].errors


@pytest.mark.django_db
def test_a_missing_programme_is_named(client, counsellor, person):
    client.force_login(counsellor)

    response = client.post(url(person), {"programme": ""})

    assert response.context["form"].errors == {"programme": ["Choisissez le dispositif du parcours."]}


@pytest.mark.django_db
def test_get_never_opens_anything(client, counsellor, person, programme):
    client.force_login(counsellor)

    client.get(url(person), {"programme": programme.pk})

    assert not Pathway.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR])
def test_editors_may_open_a_pathway(client, member, person, role):
    client.force_login(member(role))

    assert client.get(url(person)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_readers_get_403(client, member, person, programme, role):
    client.force_login(member(role))

    assert client.get(url(person)).status_code == 403
    assert client.post(url(person), {"programme": programme.pk}).status_code == 403
    assert not Pathway.objects.exists()


@pytest.mark.django_db
def test_a_supervisor_of_the_team_gets_403_and_others_404(client, member, person, programme, counsellor):
    in_team = member(Role.SUPERVISOR)
    services.open_pathway(person=person, programme=programme, by=counsellor, supervisor=in_team)
    client.force_login(in_team)
    assert client.get(url(person)).status_code == 403

    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(person)).status_code == 404

    client.force_login(member(Role.PARTNER))
    assert client.get(url(person)).status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_structures_person(client, person, programme, other_structure):
    client.force_login(MembershipFactory(structure=other_structure, role=Role.DIRECTOR).user)

    assert client.get(url(person)).status_code == 404
    assert client.post(url(person), {"programme": programme.pk}).status_code == 404
    assert not Pathway.objects.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, person):
    response = client.get(url(person))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
