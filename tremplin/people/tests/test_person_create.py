import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.models import Pathway, Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.programmes.factories import ProgrammeFactory

URL = reverse("people:create")


def years_ago(years: int, days: int = 0) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def valid_data(programme, counsellor):
    return {
        "first_name": "Yasmine",
        "last_name": "Benali",
        "birth_date": "1990-04-12",
        "email": "yasmine@example.org",
        "phone": "06 11 22 33 44",
        "address": "12 rue des Tisserands",
        "postcode": "59100",
        "city": "Roubaix",
        "nationality": "non_eu",
        "languages": "arabe,  français ,",
        "french_level": "B1",
        "driving_licence": "in_progress",
        "has_vehicle": "",
        "recognised_disability": "on",
        "programme": programme.pk,
        "referent": counsellor.pk,
        "referral_source": "France Travail Roubaix",
    }


@pytest.mark.django_db
def test_it_records_the_person_and_opens_the_pathway(client, structure, counsellor, programme, valid_data):
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    person = Person.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("people:detail", args=[person.public_id])
    assert person.structure == structure
    assert person.created_by == counsellor
    assert person.birth_date == datetime.date(1990, 4, 12)
    assert person.phone_normalised == "0611223344"
    assert person.nationality == "non_eu"
    assert person.languages == "arabe, français"
    assert person.recognised_disability is True
    assert person.has_vehicle is False
    pathway = Pathway.objects.get()
    assert (pathway.person, pathway.programme, pathway.referent) == (person, programme, counsellor)
    assert pathway.status == Status.CANDIDATE
    assert pathway.referral_source == "France Travail Roubaix"
    change = StatusChange.objects.get()
    assert (change.to_status, change.changed_by) == (Status.CANDIDATE, counsellor)


@pytest.mark.django_db
def test_it_says_so_after_recording(client, counsellor, valid_data):
    client.force_login(counsellor)

    response = client.post(URL, valid_data, follow=True)

    assert "Yasmine Benali est enregistré·e et son parcours est ouvert." in response.content.decode()


@pytest.mark.django_db
def test_the_form_offers_the_current_counsellor_as_referent(client, counsellor):
    client.force_login(counsellor)

    form = client.get(URL).context["form"]

    assert form["referent"].value() == counsellor.pk


@pytest.mark.django_db
def test_a_case_manager_is_not_preselected_as_referent(client, member):
    client.force_login(member(Role.CASE_MANAGER))

    assert client.get(URL).context["form"]["referent"].value() is None


@pytest.mark.django_db
def test_choices_come_from_the_structure_only(client, structure, counsellor, programme, member, other_structure):
    case_manager = member(Role.CASE_MANAGER)
    supervisor = member(Role.SUPERVISOR)
    inactive = MembershipFactory(structure=structure, role=Role.COUNSELLOR, is_active=False).user
    outsider = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    closed_programme = ProgrammeFactory(structure=structure, is_active=False)
    foreign_programme = ProgrammeFactory(structure=other_structure)
    client.force_login(counsellor)

    form = client.get(URL).context["form"]

    assert set(form.fields["referent"].queryset) == {counsellor, case_manager}
    assert supervisor not in form.fields["referent"].queryset
    assert inactive not in form.fields["referent"].queryset
    assert outsider not in form.fields["referent"].queryset
    assert list(form.fields["programme"].queryset) == [programme]
    assert closed_programme not in form.fields["programme"].queryset
    assert foreign_programme not in form.fields["programme"].queryset


@pytest.mark.django_db
def test_it_refuses_another_structures_programme_and_referent(client, counsellor, valid_data, other_structure):
    outsider = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    valid_data.update(programme=ProgrammeFactory(structure=other_structure).pk, referent=outsider.pk)
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"programme", "referent"}
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_birth_date_in_the_future_is_refused(client, counsellor, valid_data):
    valid_data["birth_date"] = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert response.context["form"].errors["birth_date"] == ["La date de naissance ne peut pas être dans le futur."]
    assert not Person.objects.exists()
    assert not Pathway.objects.exists()


@pytest.mark.django_db
def test_a_person_under_16_is_refused(client, counsellor, valid_data):
    valid_data["birth_date"] = years_ago(16, days=-1).isoformat()
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert response.context["form"].errors["birth_date"] == [
        "La date de naissance indique moins de 16 ans : la personne doit avoir au moins 16 ans."
    ]
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_person_who_is_16_today_is_accepted(client, counsellor, valid_data):
    valid_data["birth_date"] = years_ago(16).isoformat()
    client.force_login(counsellor)

    assert client.post(URL, valid_data).status_code == 302


@pytest.mark.django_db
def test_an_impossible_birth_date_is_refused_with_the_field_named(client, counsellor, valid_data):
    valid_data["birth_date"] = "31/02/1990"
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert "Date de naissance : " in response.content.decode()
    assert "birth_date" in response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [
        ("nationality", "german"),
        ("french_level", "Z9"),
        ("driving_licence", "plane"),
        ("email", "not-an-email"),
        ("phone", "call me"),
        ("phone", "12"),
        ("postcode", "59<100>"),
        ("first_name", ""),
        ("last_name", ""),
        ("programme", ""),
        ("programme", "abc"),
    ],
)
def test_bad_input_is_refused_on_its_field(client, counsellor, valid_data, field, value):
    valid_data[field] = value
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_nationality_only_offers_french_eu_and_non_eu(client, counsellor):
    client.force_login(counsellor)

    choices = [value for value, _label in client.get(URL).context["form"].fields["nationality"].choices]

    assert sorted(choices) == ["", "eu", "fr", "non_eu"]


@pytest.mark.django_db
def test_possible_duplicates_are_listed_and_nothing_is_created_without_confirmation(
    client, structure, counsellor, valid_data, pathway_of
):
    existing = PersonFactory(
        structure=structure, first_name="YASMINE", last_name="benali", birth_date=datetime.date(1990, 4, 12)
    )
    pathway_of(person=existing, status=Status.NOT_ELIGIBLE)
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert Person.objects.count() == 1
    html = response.content.decode()
    assert reverse("people:detail", args=[existing.public_id]) in html
    assert "12/04/1990" in html
    assert "Non éligible" in html
    assert "Je confirme qu&#x27;il s&#x27;agit d&#x27;une autre personne" in html
    assert 'type="checkbox" name="confirm_new_person"' in html
    assert "confirm_new_person" in response.context["form"].errors


@pytest.mark.django_db
def test_a_same_phone_number_is_a_possible_duplicate(client, structure, counsellor, valid_data):
    PersonFactory(structure=structure, first_name="Autre", last_name="Nom", phone="+33 6 11 22 33 44")
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert len(response.context["duplicates"]) == 1


@pytest.mark.django_db
def test_a_confirmed_new_person_is_created_despite_duplicates(client, structure, counsellor, valid_data):
    PersonFactory(structure=structure, first_name="Yasmine", last_name="Benali", birth_date=datetime.date(1990, 4, 12))
    client.force_login(counsellor)

    response = client.post(URL, {**valid_data, "confirm_new_person": "on"})

    assert response.status_code == 302
    assert Person.objects.filter(first_name="Yasmine").count() == 2


@pytest.mark.django_db
def test_a_confirmation_is_not_carried_over_when_no_duplicate_is_shown(client, counsellor, valid_data):
    client.force_login(counsellor)

    response = client.post(URL, {**valid_data, "confirm_new_person": "on", "birth_date": "2999-01-01"})

    html = response.content.decode()
    assert '<input type="hidden" name="confirm_new_person" id="id_confirm_new_person">' in html


@pytest.mark.django_db
def test_people_of_another_structure_are_never_shown_as_duplicates(client, counsellor, valid_data, other_structure):
    PersonFactory(
        structure=other_structure, first_name="Yasmine", last_name="Benali", birth_date=datetime.date(1990, 4, 12)
    )
    client.force_login(counsellor)

    response = client.post(URL, valid_data)

    assert response.status_code == 302
    assert Person.objects.filter(structure=other_structure).count() == 1


@pytest.mark.django_db
def test_the_confirmation_checkbox_is_hidden_without_duplicates(client, counsellor):
    client.force_login(counsellor)

    html = client.get(URL).content.decode()

    assert 'type="hidden" name="confirm_new_person"' in html
    assert "Je confirme" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR])
def test_editors_may_record_a_candidate(client, member, role):
    client.force_login(member(role))

    assert client.get(URL).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.JOB_COACH])
def test_readers_get_403_on_get_and_post(client, member, valid_data, role):
    client.force_login(member(role))

    assert client.get(URL).status_code == 403
    assert client.post(URL, valid_data).status_code == 403
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_supervisor_with_a_team_gets_403(client, member, valid_data, pathway_of):
    supervisor = member(Role.SUPERVISOR)
    pathway_of(supervisor=supervisor)
    client.force_login(supervisor)

    assert client.get(URL).status_code == 403
    assert client.post(URL, valid_data).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PARTNER, Role.SUPERVISOR])
def test_members_who_see_no_one_get_404(client, member, valid_data, role):
    """A partner, or a supervisor without a team, does not learn that people pages exist."""
    client.force_login(member(role))

    assert client.get(URL).status_code == 404
    assert client.post(URL, valid_data).status_code == 404
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_member_of_another_structure_cannot_record_into_this_one(client, programme, valid_data, other_structure):
    """The person always goes to the current structure, and this structure's programme is not offered there."""
    outsider = MembershipFactory(structure=other_structure, role=Role.COUNSELLOR).user
    valid_data["referent"] = ""
    client.force_login(outsider)

    response = client.post(URL, valid_data)

    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
