import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.core.tests.helpers import with_token
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


def url(person) -> str:
    return reverse("people:edit", args=[person.public_id])


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Lucie", last_name="Moreau", phone="0601020304")


def data_for(person, **changes) -> dict:
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date.isoformat(),
        "email": person.email,
        "phone": person.phone,
        "address": person.address,
        "postcode": person.postcode,
        "city": person.city,
        "nationality": person.nationality,
        "languages": person.languages,
        "french_level": person.french_level,
        "driving_licence": person.driving_licence,
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_form_is_filled_with_the_persons_facts(client, counsellor, person):
    client.force_login(counsellor)

    response = client.get(url(person))

    assert response.status_code == 200
    assert response.context["form"]["phone"].value() == "0601020304"
    assert "Modifier la fiche : Lucie Moreau" in response.content.decode()


@pytest.mark.django_db
def test_it_saves_the_changes_and_goes_back_to_the_person(client, counsellor, person):
    client.force_login(counsellor)

    response = client.post(
        url(person),
        with_token(
            client, url(person), data_for(person, phone="+33 7 00 00 00 01", city="Tourcoing", has_vehicle="on")
        ),
        follow=True,
    )

    person.refresh_from_db()
    assert response.redirect_chain[-1][0] == reverse("people:detail", args=[person.public_id])
    assert (person.city, person.has_vehicle, person.phone_normalised) == ("Tourcoing", True, "0700000001")
    assert "Fiche enregistrée : Lucie Moreau." in response.content.decode()


@pytest.mark.django_db
def test_the_structure_and_author_cannot_be_changed(client, counsellor, person, other_structure):
    client.force_login(counsellor)

    client.post(
        url(person),
        with_token(client, url(person), data_for(person, structure=other_structure.pk, created_by=counsellor.pk)),
    )

    person.refresh_from_db()
    assert person.structure != other_structure
    assert person.created_by is None


@pytest.mark.django_db
def test_bad_input_is_refused_and_nothing_is_saved(client, counsellor, person):
    client.force_login(counsellor)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(url(person), data_for(person, last_name="Autre", birth_date=tomorrow.isoformat()))

    assert response.status_code == 200
    assert response.context["form"].errors == {"birth_date": ["La date de naissance ne peut pas être dans le futur."]}
    person.refresh_from_db()
    assert person.last_name == "Moreau"
    assert "Modifier la fiche : Lucie Moreau" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR])
def test_editors_may_edit(client, member, person, role):
    client.force_login(member(role))

    assert client.get(url(person)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role, status", [(Role.ADMIN, 403), (Role.JOB_COACH, 403), (Role.PARTNER, 404)])
def test_other_roles_are_refused(client, member, person, role, status):
    client.force_login(member(role))

    assert client.get(url(person)).status_code == status
    assert client.post(url(person), data_for(person, city="Ailleurs")).status_code == status
    person.refresh_from_db()
    assert person.city == "Roubaix"


@pytest.mark.django_db
def test_a_supervisor_of_the_team_gets_403_and_one_outside_it_404(client, member, person, pathway_of):
    in_team = member(Role.SUPERVISOR)
    pathway_of(person=person, supervisor=in_team, status=Status.CANDIDATE)
    client.force_login(in_team)
    assert client.get(url(person)).status_code == 403

    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(person)).status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_structures_person(client, person, other_structure):
    client.force_login(MembershipFactory(structure=other_structure, role=Role.DIRECTOR).user)

    assert client.get(url(person)).status_code == 404
    assert client.post(url(person), data_for(person, city="Ailleurs")).status_code == 404


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, person):
    response = client.get(url(person))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
