"""Reads declared with `@reads_personal_data`: one access-log row per person the access checks let the page
see, written when the page answers, never on a refusal or a redirect (tremplin/audit/reads.py)."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry, Action
from tremplin.barriers.factories import BarrierFactory
from tremplin.eligibility.factories import EligibilityDiagnosisFactory
from tremplin.exits.factories import ExitFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory
from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pathway(structure):
    return PathwayFactory(person=PersonFactory(structure=structure))


def reads() -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(action__in=(Action.READ, Action.EXPORT)).order_by("id"))


def test_a_declared_page_writes_one_row_naming_the_reader_the_person_and_the_screen(client, structure, member, pathway):
    counsellor = member(Role.COUNSELLOR)
    client.force_login(counsellor)

    response = client.get(reverse("timeline:pathway", args=[pathway.public_id]))

    assert response.status_code == 200
    [entry] = reads()
    assert (entry.part, entry.action, entry.screen) == ("timeline", Action.READ, "timeline:pathway")
    assert entry.person_public_id == pathway.person.public_id
    assert entry.structure_public_id == structure.public_id
    assert (entry.actor_id, entry.actor_email) == (counsellor.pk, counsellor.email)


def test_the_row_names_the_record_reached_through_its_pathway(client, member, pathway):
    barrier = BarrierFactory(pathway=pathway)
    client.force_login(member(Role.COUNSELLOR))

    client.get(reverse("barriers:edit", args=[barrier.public_id]))

    [entry] = reads()
    assert (entry.part, entry.object_public_id) == ("barriers", str(barrier.public_id))


def test_an_export_is_logged_as_an_export(client, member, pathway):
    client.force_login(member(Role.DIRECTOR))

    response = client.get(reverse("rights:export_json", args=[pathway.person.public_id]))

    assert response.status_code == 200
    [entry] = reads()
    assert (entry.part, entry.action) == ("export", Action.EXPORT)


def test_a_redirect_logs_no_read(client, member, pathway):
    """An exit already recorded: the recording page sends on to it, having shown nothing."""
    ExitFactory(pathway=pathway)
    client.force_login(member(Role.COUNSELLOR))

    response = client.get(reverse("exits:record", args=[pathway.public_id]))

    assert response.status_code == 302
    assert reads() == []


def test_a_refusal_logs_no_read(client, member, pathway):
    elsewhere = member(Role.COUNSELLOR, StructureFactory())
    client.force_login(elsewhere)
    assert client.get(reverse("timeline:pathway", args=[pathway.public_id])).status_code == 404
    client.force_login(member(Role.ADMIN))  # sees the person, may not read their eligibility
    diagnosis = EligibilityDiagnosisFactory(pathway=pathway)
    assert client.get(reverse("eligibility:detail", args=[diagnosis.public_id])).status_code == 403

    assert reads() == []


def test_an_undeclared_page_logs_nothing_even_when_its_checks_pass(client, member, pathway):
    """The declaration, not the lookup, decides: a blank form to open a pathway shows no part of the file."""
    client.force_login(member(Role.COUNSELLOR))

    assert client.get(reverse("pathways:open", args=[pathway.person.public_id])).status_code == 200

    assert reads() == []


def test_a_page_about_many_people_logs_each_once_with_the_page_record(client, structure, member):
    workshop = WorkshopFactory(structure=structure)
    participants = ParticipantFactory.create_batch(2, workshop=workshop)
    client.force_login(member(Role.COUNSELLOR))

    response = client.get(reverse("workshops:detail", args=[workshop.public_id]))

    assert response.status_code == 200
    entries = reads()
    assert sorted(e.person_public_id for e in entries) == sorted(p.pathway.person.public_id for p in participants)
    assert {(e.part, e.object_public_id) for e in entries} == {("workshop", str(workshop.public_id))}


def test_a_malformed_pathway_in_a_parameter_is_a_404(client, member):
    client.force_login(member(Role.COUNSELLOR))

    response = client.get(reverse("observations:quick"), {"pathway": "not-an-id"})

    assert response.status_code == 404
    assert reads() == []
