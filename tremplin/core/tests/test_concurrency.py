"""Two people edit the same record at once: the second save is refused, nothing is lost."""

import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Role
from tremplin.core.concurrency import TOKEN_FIELD
from tremplin.core.tests.helpers import open_form, posted
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.people.forms import PersonEditForm
from tremplin.people.models import Person
from tremplin.structures.factories import WorksiteFactory
from tremplin.structures.models import Structure, Worksite

CONFLICT = "Quelqu&#x27;un d&#x27;autre a modifié cette fiche pendant que vous la modifiiez"


@pytest.fixture
def two_editors(structure, member):
    return member(Role.COUNSELLOR), member(Role.CASE_MANAGER)


def test_the_second_of_two_concurrent_person_edits_is_refused_and_the_first_kept(client, structure, two_editors):
    person = PersonFactory(structure=structure, first_name="Awa", phone="")
    url = reverse("people:edit", args=[person.public_id])
    first, second = client, client.__class__()
    first.force_login(two_editors[0])
    second.force_login(two_editors[1])
    form_first, form_second = open_form(first, url), open_form(second, url)

    assert first.post(url, posted(form_first, first_name="Aminata")).status_code == 302
    response = second.post(url, posted(form_second, phone="06 11 22 33 44"))

    assert response.status_code == 200
    content = response.content.decode()
    assert CONFLICT in content
    # The field the other person changed is listed with its value now.
    assert "Prénom : « Aminata »" in content
    person.refresh_from_db()
    assert person.first_name == "Aminata"
    assert person.phone == ""


def test_after_reading_the_message_a_second_submission_is_saved(client, structure, two_editors):
    person = PersonFactory(structure=structure, first_name="Awa", phone="")
    url = reverse("people:edit", args=[person.public_id])
    first, second = client, client.__class__()
    first.force_login(two_editors[0])
    second.force_login(two_editors[1])
    form_first, form_second = open_form(first, url), open_form(second, url)
    first.post(url, posted(form_first, first_name="Aminata"))
    refused = second.post(url, posted(form_second, phone="06 11 22 33 44"))

    # The re-shown form carries a new token: the person corrects the name and confirms.
    again = posted(refused.context["form"], first_name="Aminata")
    assert second.post(url, again).status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.phone) == ("Aminata", "06 11 22 33 44")


def test_a_change_to_a_column_the_form_does_not_edit_is_kept(client, structure, member):
    """The status of a pathway moves while its team is edited: the team is saved, the status stays."""
    counsellor = member(Role.COUNSELLOR)
    pathway = PathwayFactory(person__structure=structure, status="candidate")
    url = reverse("pathways:team", args=[pathway.public_id])
    client.force_login(counsellor)
    form = open_form(client, url)
    type(pathway).objects.filter(pk=pathway.pk).update(status="withdrawn")

    response = client.post(url, posted(form, referent=str(counsellor.pk)))

    assert response.status_code == 302
    pathway.refresh_from_db()
    assert (pathway.status, pathway.referent) == ("withdrawn", counsellor)


def test_a_tampered_token_is_refused_with_a_message(client, structure, member):
    person = PersonFactory(structure=structure, first_name="Awa")
    url = reverse("people:edit", args=[person.public_id])
    client.force_login(member(Role.COUNSELLOR))
    form = open_form(client, url)

    response = client.post(url, posted(form, first_name="Aminata", **{TOKEN_FIELD: "forged"}))

    assert response.status_code == 200
    assert "Ce formulaire n&#x27;est plus valide" in response.content.decode()
    person.refresh_from_db()
    assert person.first_name == "Awa"


def test_a_form_posted_without_token_is_refused_like_a_stale_one(client, structure, member):
    person = PersonFactory(structure=structure, first_name="Awa")
    url = reverse("people:edit", args=[person.public_id])
    client.force_login(member(Role.COUNSELLOR))
    data = posted(open_form(client, url), first_name="Aminata")
    del data[TOKEN_FIELD]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Ce formulaire n&#x27;est plus valide" in response.content.decode()
    person.refresh_from_db()
    assert person.first_name == "Awa"


def test_the_pathway_team_refuses_a_stale_form(client, structure, member):
    referent, other_referent = member(Role.COUNSELLOR), member(Role.CASE_MANAGER)
    pathway = PathwayFactory(person__structure=structure)
    url = reverse("pathways:team", args=[pathway.public_id])
    client.force_login(referent)
    stale = open_form(client, url)
    pathway.referent = other_referent
    pathway.save()

    response = client.post(url, posted(stale, referent=str(referent.pk)))

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    pathway.refresh_from_db()
    assert pathway.referent == other_referent


def test_the_structure_settings_refuse_a_stale_form(client, structure, member):
    client.force_login(member(Role.ADMIN))
    url = reverse("structures:settings")
    stale = open_form(client, url)
    Structure.objects.filter(pk=structure.pk).update(city="Tourcoing")

    response = client.post(url, posted(stale, phone="03 20 00 00 00"))

    assert response.status_code == 200
    assert "Commune : « Tourcoing »" in response.content.decode()
    structure.refresh_from_db()
    assert (structure.city, structure.phone) == ("Tourcoing", "")


def test_the_worksite_edit_refuses_a_stale_form_and_lists_the_supervisors_now(client, structure, member):
    supervisor = member(Role.SUPERVISOR)
    supervisor.first_name, supervisor.last_name = "Jo", "Martin"
    supervisor.save()
    worksite = WorksiteFactory(structure=structure, name="Maraîchage")
    url = reverse("structures:worksite_edit", args=[worksite.public_id])
    client.force_login(member(Role.DIRECTOR))
    stale = open_form(client, url)
    worksite.supervisors.add(supervisor)

    response = client.post(url, posted(stale, name="Maraîchage bio"))

    assert response.status_code == 200
    assert "Encadrant·es techniques : « Jo Martin »" in response.content.decode()
    worksite.refresh_from_db()
    assert worksite.name == "Maraîchage"
    assert list(worksite.supervisors.all()) == [supervisor]


def test_the_member_edit_refuses_a_stale_form(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    target = MembershipFactory(structure=structure, role=Role.COUNSELLOR)
    url = reverse("accounts:member_edit", args=[target.public_id])
    stale = open_form(client, url)
    Membership.objects.filter(pk=target.pk).update(job_title="CIP référente RSA")

    response = client.post(url, posted(stale, role=Role.CASE_MANAGER))

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    target.refresh_from_db()
    assert (target.role, target.job_title) == (Role.COUNSELLOR, "CIP référente RSA")


def test_a_new_worksite_is_created_without_any_check(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    url = reverse("structures:worksite_create")
    data = posted(open_form(client, url), name="Atelier vélo", activity="Réparation")

    assert client.post(url, data).status_code == 302
    assert Worksite.objects.filter(structure=structure, name="Atelier vélo").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_second_save_waits_for_the_first_then_is_refused():
    """Two sessions save at the same moment: the row lock makes the second wait for the first's
    commit, then it sees the change and refuses. Needs real concurrent connections: PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")
    person = PersonFactory(first_name="Awa", phone="")
    shown = PersonEditForm(instance=person)
    data_first = posted(shown, first_name="Aminata")
    data_second = posted(shown, phone="06 11 22 33 44")
    first_holds_lock, second_done = threading.Event(), threading.Event()
    results: dict = {}

    def first_session():
        try:
            with transaction.atomic():
                form = PersonEditForm(data_first, instance=Person.objects.get(pk=person.pk))
                assert form.is_valid(), form.errors
                results["first"] = form.save_unless_changed()
                results["first_errors"] = form.errors
                first_holds_lock.set()
                # The second session must still be waiting on the lock while this one is open.
                results["second_finished_early"] = second_done.wait(timeout=1.5)
        finally:
            first_holds_lock.set()
            connection.close()

    def second_session():
        try:
            first_holds_lock.wait(timeout=10)
            form = PersonEditForm(data_second, instance=Person.objects.get(pk=person.pk))
            assert form.is_valid(), form.errors
            with transaction.atomic():
                results["second"] = form.save_unless_changed()
            results["second_errors"] = form.non_field_errors()
        finally:
            second_done.set()
            connection.close()

    threads = [threading.Thread(target=first_session), threading.Thread(target=second_session)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert results["first"] is not None, results
    assert results["second_finished_early"] is False
    assert results["second"] is None
    assert any("Quelqu'un d'autre a modifié cette fiche" in str(e) for e in results["second_errors"])
    person.refresh_from_db()
    assert (person.first_name, person.phone) == ("Aminata", "")
