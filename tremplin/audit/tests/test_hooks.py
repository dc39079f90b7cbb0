import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.context import acting_command
from tremplin.audit.middleware import AuditMiddleware
from tremplin.audit.models import AccessLogEntry
from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import StatusChange
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def last_entry() -> AccessLogEntry:
    return AccessLogEntry.objects.order_by("-id").first()


@pytest.fixture
def contract(structure, member):
    referent = member(Role.COUNSELLOR)
    pathway = PathwayFactory(person=PersonFactory(structure=structure), referent=referent)
    return ContractFactory(pathway=pathway)


@pytest.mark.parametrize(
    ("page", "part"),
    [("people:detail", "person"), ("eligibility:detail", "eligibility"), ("contracts:detail", "contract")],
)
def test_reading_a_page_of_a_persons_file_is_logged_with_who_where_and_from_which_screen(
    client, structure, member, contract, page, part
):
    director = member(Role.DIRECTOR)
    diagnosis = EligibilityDiagnosisFactory(pathway=contract.pathway)
    person = contract.pathway.person
    target = {"people:detail": person, "eligibility:detail": diagnosis, "contracts:detail": contract}[page]
    client.force_login(director)

    response = client.get(reverse(page, args=[target.public_id]), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    entry = last_entry()
    assert (entry.action, entry.part, entry.screen) == ("read", part, page)
    assert (entry.actor_id, entry.actor_email) == (director.pk, director.email)
    assert entry.person_public_id == person.public_id
    assert entry.structure_public_id == structure.public_id
    assert entry.ip == "203.0.113.7"
    assert entry.path == reverse(page, args=[target.public_id])


def test_a_refused_read_is_not_logged_as_a_read(client, member, contract):
    client.force_login(member(Role.PARTNER))
    before = AccessLogEntry.objects.count()
    assert client.get(reverse("people:detail", args=[contract.pathway.person.public_id])).status_code == 404
    assert AccessLogEntry.objects.count() == before


def test_a_change_made_during_a_request_names_its_actor(structure, member):
    counsellor = member(Role.COUNSELLOR)
    person = PersonFactory(structure=structure)
    request = RequestFactory().post("/personnes/x/modifier/", REMOTE_ADDR="198.51.100.4")
    request.user = counsellor

    def view(request):
        person.city = "Tourcoing"
        person.save()
        return HttpResponse()

    AuditMiddleware(view)(request)

    entry = last_entry()
    assert (entry.action, entry.part, entry.actor_email, entry.ip) == (
        "update",
        "person",
        counsellor.email,
        "198.51.100.4",
    )
    assert entry.person_public_id == person.public_id


@pytest.mark.parametrize(
    ("make", "part"),
    [
        (lambda contract: contract.pathway.person, "person"),
        (lambda contract: contract.pathway, "pathway"),
        (
            lambda contract: StatusChange.objects.create(pathway=contract.pathway, from_status="", to_status="x"),
            "status",
        ),
        (lambda contract: EligibilityDiagnosisFactory(pathway=contract.pathway), "eligibility"),
        (lambda contract: CriterionProofFactory(diagnosis__pathway=contract.pathway), "eligibility_proof"),
        (lambda contract: contract, "contract"),
        (lambda contract: SuspensionFactory(contract=contract, start_date=contract.start_date), "suspension"),
    ],
)
def test_creation_change_and_deletion_of_each_record_are_logged(contract, make, part):
    record = make(contract)
    person_id = contract.pathway.person.public_id
    created = AccessLogEntry.objects.filter(part=part, action="create", person_public_id=person_id)
    assert created.exists()

    record.save()
    assert last_entry().action == "update" and last_entry().part == part

    record.delete()
    deleted = AccessLogEntry.objects.filter(part=part, action="delete", person_public_id=person_id)
    assert deleted.exists()


def test_outside_a_request_there_is_no_actor_and_the_screen_names_the_command(structure):
    with acting_command("purge_retention"):
        person = PersonFactory(structure=structure)
    entry = last_entry()
    assert (entry.action, entry.actor_id, entry.actor_email) == ("create", None, "")
    assert entry.screen == "commande purge_retention"
    assert entry.person_public_id == person.public_id


def test_a_status_change_of_a_loaded_pathway_costs_no_lookup_query(contract, django_assert_num_queries):
    pathway = contract.pathway
    assert pathway.person is not None  # loaded, as services have it
    # insert, log (chain lock, its last entry, insert), structure public id, timeline event insert
    with django_assert_num_queries(1 + 3 + 1 + 1):
        StatusChange.objects.create(pathway=pathway, from_status="", to_status="x")
