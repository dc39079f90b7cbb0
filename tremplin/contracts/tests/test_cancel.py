"""contracts:cancel — a contract signed ahead of its first day can be cancelled; a started one cannot."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.contracts.models import ContractStatus
from tremplin.contracts.services import start_due_contracts
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(contract):
    return reverse("contracts:cancel", args=[contract.public_id])


@pytest.fixture
def planned(make_contract, make_pathway, today):
    """A first contract signed today that starts next week: the pathway is still eligible."""
    start = today + datetime.timedelta(days=7)
    pathway = make_pathway(status=Status.ELIGIBLE, first_name="Nadia", last_name="Ferhat")
    return make_contract(start=start, months=6, pathway=pathway, status=ContractStatus.PLANNED)


def test_it_cancels_the_planned_contract_and_the_pathway_keeps_its_status(client, counsellor, planned):
    client.force_login(counsellor)
    response = client.post(url(planned), {"reason": "Elle a trouvé un CDI chez un paysagiste."})
    assert response.status_code == 302
    assert response.url == reverse("contracts:detail", args=[planned.public_id])
    planned.refresh_from_db()
    planned.pathway.refresh_from_db()
    assert planned.status == ContractStatus.CANCELLED
    assert planned.cancellation_reason == "Elle a trouvé un CDI chez un paysagiste."
    assert planned.pathway.status == Status.ELIGIBLE
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == "Contrat annulé : il ne commencera pas. Un autre contrat peut être signé."


def test_a_cancelled_contract_never_starts_and_a_new_one_can_be_signed(client, counsellor, planned):
    client.force_login(counsellor)
    client.post(url(planned), {"reason": "Le chantier ne démarre pas."})
    assert start_due_contracts(planned.start_date + datetime.timedelta(days=1)) == []
    person_page = client.get(reverse("people:detail", args=[planned.pathway.person.public_id])).content.decode()
    assert reverse("contracts:create", args=[planned.pathway.public_id]) in person_page
    detail = client.get(reverse("contracts:detail", args=[planned.public_id])).content.decode()
    assert "Annulé avant son début" in detail
    assert "Le chantier ne démarre pas." in detail


def test_the_reason_is_required_and_named(client, counsellor, planned):
    client.force_login(counsellor)
    response = client.post(url(planned), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["Indiquez pourquoi le contrat ne commencera pas."]
    planned.refresh_from_db()
    assert planned.status == ContractStatus.PLANNED


def test_a_running_contract_cannot_be_cancelled_only_ended(client, counsellor, make_contract):
    contract = make_contract()
    client.force_login(counsellor)
    page = client.get(reverse("contracts:detail", args=[contract.public_id])).content.decode()
    assert url(contract) not in page
    response = client.post(url(contract), {"reason": "Erreur"})
    assert "un contrat en cours se rompt" in response.content.decode()
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE


def test_the_detail_page_offers_the_cancellation_only_for_a_planned_contract(client, counsellor, planned):
    client.force_login(counsellor)
    page = client.get(reverse("contracts:detail", args=[planned.public_id])).content.decode()
    assert url(planned) in page


def test_a_supervisor_cannot_cancel(client, member, planned):
    client.force_login(member(Role.SUPERVISOR))
    assert client.post(url(planned), {"reason": "x"}).status_code in (403, 404)
    planned.refresh_from_db()
    assert planned.status == ContractStatus.PLANNED


def test_another_structure_gets_a_404(client, member, planned):
    other = StructureFactory()
    client.force_login(member(Role.COUNSELLOR, structure_=other))
    assert client.post(url(planned), {"reason": "x"}).status_code == 404
    planned.refresh_from_db()
    assert planned.status == ContractStatus.PLANNED


def test_the_dates_of_a_cancelled_contract_are_free_for_a_new_one(client, counsellor, planned):
    client.force_login(counsellor)
    client.post(url(planned), {"reason": "Report du démarrage du chantier."})
    response = client.post(
        reverse("contracts:create", args=[planned.pathway.public_id]),
        {
            "start_date": planned.start_date.isoformat(),
            "planned_end_date": planned.planned_end_date.isoformat(),
            "weekly_hours": "26",
            "position": "Agent·e d'entretien",
            "reduced_hours_reason": "",
            "extension_reason": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert planned.pathway.contracts.filter(status=ContractStatus.PLANNED).count() == 1
