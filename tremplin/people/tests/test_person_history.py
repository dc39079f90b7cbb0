import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.core import personal_data
from tremplin.interviews.factories import InterviewFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


def url(person) -> str:
    return reverse("people:history", args=[person.public_id])


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Lucie", last_name="Moreau", nationality="")


def named(member, role, first_name, last_name, structure_=None):
    user = member(role, structure_)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


def test_it_shows_who_changed_which_field_from_what_to_what(client, member, person):
    counsellor = named(member, Role.COUNSELLOR, "Nadia", "Benali")
    client.force_login(counsellor)
    person.first_name = "Lou"
    person.nationality = "eu"
    person.save()

    response = client.get(url(person))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Prénom : de « Lucie » à « Lou »" in content
    # Choices are shown by their label, not their code.
    assert "Nationalité : de « Non renseignée » à « Union européenne »" in content
    assert "Création" in content


def test_it_names_the_author_recorded_through_the_edit_view(client, member, person):
    counsellor = named(member, Role.COUNSELLOR, "Nadia", "Benali")
    client.force_login(counsellor)
    edit = client.get(reverse("people:edit", args=[person.public_id])).context["form"]
    data = {f.html_name: f.value() for f in edit if f.value() not in (None, False)}
    data["city"] = "Tourcoing"
    assert client.post(reverse("people:edit", args=[person.public_id]), data).status_code == 302

    content = client.get(url(person)).content.decode()

    assert "Commune : de « Roubaix » à « Tourcoing »" in content
    assert "Nadia Benali" in content


def test_it_covers_pathways_contracts_and_suspensions_with_names_not_ids(client, member, structure, person):
    from tremplin.pathways.factories import PathwayFactory

    client.force_login(member(Role.COUNSELLOR))
    referent = named(member, Role.CASE_MANAGER, "Paul", "Durand")
    pathway = PathwayFactory(person=person, status=Status.IN_CONTRACT)
    pathway.referent = referent
    pathway.save()
    contract = ContractFactory(pathway=pathway)
    contract.weekly_hours = Decimal("30")
    contract.save()
    suspension = SuspensionFactory(contract=contract, start_date=datetime.date(2026, 3, 2))
    suspension.delete()

    content = client.get(url(person)).content.decode()

    assert "Référent·e : de « (vide) » à « Paul Durand »" in content
    assert "Heures par semaine : de « 26,00 » à « 30,00 »" in content
    assert f"Parcours : {pathway.programme.name}" in content
    assert "Suppression" in content


def test_private_contract_reasons_are_hidden_from_the_dpo(client, member, structure, person):
    contract = ContractFactory(pathway__person=person)
    contract.early_end_comment = "Hospitalisation longue"
    contract.save()

    client.force_login(member(Role.DPO))
    hidden = client.get(url(person)).content.decode()
    client.force_login(member(Role.COUNSELLOR))
    shown = client.get(url(person)).content.decode()

    assert "Hospitalisation longue" not in hidden
    assert "contenu réservé aux personnes qui gèrent les contrats" in hidden
    assert "Hospitalisation longue" in shown


def test_another_persons_changes_are_not_shown(client, member, structure, person):
    other = PersonFactory(structure=structure, first_name="Karim")
    other.first_name = "Karima"
    other.save()
    client.force_login(member(Role.COUNSELLOR))

    content = client.get(url(person)).content.decode()

    assert "Karim" not in content


def test_the_read_is_recorded_in_the_access_log(client, member, person):
    client.force_login(member(Role.DPO))
    client.get(url(person))
    assert AccessLogEntry.objects.filter(person_public_id=person.public_id, part="history").exists()


def _make_changes(person, count: int, referent=None) -> None:
    """`count` changes each of the person, their pathway (team included) and contract."""
    contract = ContractFactory(pathway__person=person)
    pathway = contract.pathway
    for number in range(count):
        person.city = f"Ville {number}"
        person.save()
        pathway.referral_source = f"Prescripteur {number}"
        pathway.referent = referent if number % 2 else None
        pathway.save()
        contract.position = f"Poste {number}"
        contract.save()


@pytest.mark.parametrize("changes", [3, 30])
def test_the_query_count_does_not_depend_on_the_number_of_changes(
    client, member, person, changes, django_assert_num_queries
):
    counsellor = member(Role.COUNSELLOR)
    _make_changes(person, changes, referent=counsellor)
    client.force_login(counsellor)
    # Session, user, memberships (2), savepoints (2), person, access check, one query per history table of
    # the registry, names of the users and programmes on the page, the access log entry (3): the same with 3
    # or 30 changes.
    with django_assert_num_queries(12 + len(personal_data.with_history())):
        response = client.get(url(person))
    assert response.status_code == 200


def test_it_is_paginated(client, member, person):
    _make_changes(person, 8)  # 24 changes and 3 creations
    client.force_login(member(Role.COUNSELLOR))

    first = client.get(url(person))
    second = client.get(url(person), {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].paginator.num_pages == 2
    assert second.status_code == 200
    assert len(second.context["page"].object_list) == 2
    assert "Création" in second.content.decode()


def test_the_person_page_links_to_the_history_for_editors_only(client, member, person):
    from tremplin.pathways.factories import PathwayFactory

    PathwayFactory(person=person)
    client.force_login(member(Role.COUNSELLOR))
    assert url(person) in client.get(reverse("people:detail", args=[person.public_id])).content.decode()
    client.force_login(member(Role.JOB_COACH))
    assert url(person) not in client.get(reverse("people:detail", args=[person.public_id])).content.decode()


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.DPO])
def test_editors_and_the_dpo_read_the_history(client, member, person, role):
    client.force_login(member(role))
    assert client.get(url(person)).status_code == 200


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_readers_without_the_right_get_403(client, member, person, role):
    client.force_login(member(role))
    assert client.get(url(person)).status_code == 403


def test_a_supervisor_of_the_team_gets_403_and_one_outside_it_404(client, member, structure, person):
    from tremplin.pathways.factories import PathwayFactory

    supervisor, outsider = member(Role.SUPERVISOR), member(Role.SUPERVISOR)
    PathwayFactory(person=person, supervisor=supervisor)
    client.force_login(supervisor)
    assert client.get(url(person)).status_code == 403
    client.force_login(outsider)
    assert client.get(url(person)).status_code == 404


def test_a_partner_gets_404(client, member, person):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(person)).status_code == 404


def test_it_refuses_another_structures_person(client, person):
    stranger = MembershipFactory(role=Role.DIRECTOR).user
    client.force_login(stranger)
    assert client.get(url(person)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, person):
    response = client.get(url(person))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_every_history_model_of_the_registry_is_on_the_page_under_its_label(client, member, person):
    """An interview's notes changed (the interviews app declares `history=True`) appear, titled by the
    declaration's label, and a record deleted since keeps its history."""
    client.force_login(member(Role.COUNSELLOR))
    interview = InterviewFactory(pathway__person=person, notes="Premier échange")
    interview.notes = "Projet de formation en maraîchage"
    interview.save()
    interview.delete()

    content = client.get(url(person)).content.decode()

    assert "Notes : de « Premier échange » à « Projet de formation en maraîchage »" in content
    assert "Entretien" in content
    assert "Suppression" in content
    # The link to the parent pathway is not a change anyone makes: not listed.
    assert "Parcours : de" not in content


def test_the_page_reads_the_tables_and_labels_of_the_registry(client, member, person, monkeypatch):
    client.force_login(member(Role.COUNSELLOR))
    interview = InterviewFactory(pathway__person=person, notes="Premier échange")
    interview.notes = "Deuxième échange"
    interview.save()
    declared = [d for d in personal_data.with_history() if d.model == "interviews.Interview"]
    relabelled = [dataclasses.replace(declared[0], label="Rendez-vous individuel")]
    monkeypatch.setattr(personal_data, "with_history", lambda: relabelled)

    content = client.get(url(person)).content.decode()

    assert "Rendez-vous individuel" in content
    assert "Notes : de « Premier échange » à « Deuxième échange »" in content
    monkeypatch.setattr(personal_data, "with_history", lambda: [])
    assert "Deuxième échange" not in client.get(url(person)).content.decode()
