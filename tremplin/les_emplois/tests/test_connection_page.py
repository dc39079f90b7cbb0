from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.les_emplois.factories import SyncRunFactory
from tremplin.les_emplois.models import Connection, SyncRun
from tremplin.structures.factories import StructureFactory


def test_the_director_stores_a_connection_whose_token_is_sealed(client, director, french_structure, platform):
    client.force_login(director)
    response = client.post(
        reverse("les_emplois:connection"),
        {"base_url": platform.url, "username": platform.username, "password": platform.password},
    )
    assert response.status_code == 302
    stored = Connection.objects.get(structure=french_structure)
    assert stored.token in platform.tokens
    assert stored.token.encode() not in bytes(stored.sealed_token)
    assert platform.password.encode() not in bytes(stored.sealed_token)


def test_wrong_credentials_show_the_platform_refusal_on_the_password(client, director, french_structure, platform):
    client.force_login(director)
    response = client.post(
        reverse("les_emplois:connection"),
        {"base_url": platform.url, "username": platform.username, "password": "faux"},
    )
    assert response.status_code == 200
    assert "Identifiant ou mot de passe refusé" in response.content.decode()
    assert not Connection.objects.exists()


def test_without_a_siret_the_page_says_to_set_it_first(client, director, structure):
    client.force_login(director)
    assert (
        "le SIRET de la structure dans ses paramètres" in client.get(reverse("les_emplois:connection")).content.decode()
    )


def test_the_pull_button_imports_and_shows_the_report(client, director, french_structure, programme, platform):
    client.force_login(director)
    client.post(
        reverse("les_emplois:connection"),
        {"base_url": platform.url, "username": platform.username, "password": platform.password},
    )
    response = client.post(reverse("les_emplois:pull"), follow=True)
    run = SyncRun.objects.get()
    assert run.created == 25
    assert "Compte rendu de l'import" in response.content.decode()


def test_a_report_of_another_structure_answers_404(client, director):
    run = SyncRunFactory(structure=StructureFactory())
    client.force_login(director)
    assert client.get(reverse("les_emplois:run", args=[run.public_id])).status_code == 404


def test_only_the_direction_connects_the_structure(client, member):
    client.force_login(member(Role.ADMIN))
    assert client.get(reverse("les_emplois:connection")).status_code == 403


def test_a_plain_http_address_is_refused(client, director, french_structure, settings):
    settings.LES_EMPLOIS_ALLOW_HTTP = False
    client.force_login(director)
    response = client.post(
        reverse("les_emplois:connection"),
        {"base_url": "http://10.0.0.1/", "username": "employeur@example.org", "password": "x"},
    )
    assert "doit commencer par https://" in response.content.decode()
    assert not Connection.objects.exists()


def test_the_export_of_a_person_carries_the_pass_iae(french_structure, programme, make_client):
    from tremplin.les_emplois import services
    from tremplin.people.models import Person
    from tremplin.rights.services import export_person

    services.pull(french_structure, make_client())
    person = Person.objects.get(pathways__pass_iae_number="999990000003")
    data = export_person(person)
    assert data["pathways"][0]["pass_iae_number"] == "999990000003"
    assert data["les_emplois_records"][0]["pass_iae"] == "999990000003"
