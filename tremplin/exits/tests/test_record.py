"""The exit form: who may record, bad input shown on its field, the confirmation page."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.contracts.models import ContractStatus
from tremplin.exits.models import Exit
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

from .conftest import in_contract

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("exits:record", args=[pathway.public_id])


def form_data(exit_on, **extra):
    data = {
        "exit_on": exit_on.isoformat(),
        "category": "cdi",
        "reason": "hired",
        "destination": "Paysages du Nord",
        "job_title": "Agent d'espaces verts",
        "confirm_early_end": "on",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.JOB_COACH])
def test_a_counsellor_or_a_job_coach_records_a_lasting_exit(client, structure, member, today, role):
    pathway, contract = in_contract(structure)
    client.force_login(member(role))
    response = client.post(url(pathway), form_data(today - datetime.timedelta(days=35)))
    exit_record = Exit.objects.get(pathway=pathway)
    assert response.status_code == 302
    assert response.url == reverse("exits:detail", args=[exit_record.public_id])
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ENDED_EARLY
    page = client.get(response.url)
    assert "Contrat à durée indéterminée (CDI)" in page.content.decode()
    assert ("bilan-de-sortie.pdf" in page.content.decode()) is (role == Role.COUNSELLOR)


def test_the_form_lists_the_programmes_categories_by_group_and_explains_the_running_contract(
    client, structure, counsellor
):
    pathway, contract = in_contract(structure)
    client.force_login(counsellor)
    response = client.get(url(pathway))
    content = response.content.decode()
    assert '<optgroup label="Emploi durable">' in content
    assert "Incarcération" in content
    assert contract.planned_end_date.strftime("%d/%m/%Y") in content
    assert AccessLogEntry.objects.filter(part="exit").exists()


def test_a_job_coach_is_not_offered_health_justice_or_death_categories(client, structure, member, today):
    pathway, _contract = in_contract(structure)
    client.force_login(member(Role.JOB_COACH))
    assert "Incarcération" not in client.get(url(pathway)).content.decode()
    response = client.post(url(pathway), form_data(today, category="imprisonment", destination=""))
    assert response.status_code == 200
    assert response.context["form"].errors["category"]
    assert not Exit.objects.exists()


def test_an_exit_date_before_the_contract_start_is_shown_on_the_field(client, structure, counsellor):
    pathway, contract = in_contract(structure)
    client.force_login(counsellor)
    response = client.post(url(pathway), form_data(contract.start_date - datetime.timedelta(days=1)))
    assert response.status_code == 200
    assert "ne peut pas précéder le début du contrat" in response.context["form"].errors["exit_on"][0]
    pathway.refresh_from_db()
    assert pathway.status == Status.IN_CONTRACT and not Exit.objects.exists()


def test_a_category_that_does_not_exist_is_refused(client, structure, counsellor, today):
    pathway, _contract = in_contract(structure)
    client.force_login(counsellor)
    response = client.post(url(pathway), form_data(today, category="job_ordinary_employer"))
    assert response.context["form"].errors["category"]
    assert not Exit.objects.exists()


def test_a_recorded_exit_sends_to_its_page(client, structure, counsellor, today):
    pathway, _contract = in_contract(structure)
    client.force_login(counsellor)
    client.post(url(pathway), form_data(today))
    response = client.get(url(pathway))
    assert response.status_code == 302
    assert response.url == reverse("exits:detail", args=[Exit.objects.get().public_id])


def test_a_supervisor_or_an_administrator_may_not_record_an_exit(client, structure, member):
    pathway, _contract = in_contract(structure)
    client.force_login(member(Role.ADMIN))
    assert client.get(url(pathway)).status_code == 403


def test_it_refuses_another_structures_person(client, member, today):
    other = StructureFactory()
    pathway, _contract = in_contract(other)
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(pathway)).status_code == 404
    assert client.post(url(pathway), form_data(today)).status_code == 404
    assert not Exit.objects.exists()
