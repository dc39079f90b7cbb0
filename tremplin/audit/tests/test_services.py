import pytest

from tremplin.audit.chain import compute_hash
from tremplin.audit.models import AccessLogEntry, ChainHead
from tremplin.audit.services import entries_for_person, log_event, verify_chain
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_each_entry_chains_onto_the_previous_one(structure, member):
    actor = member()
    person = PersonFactory(structure=structure)
    log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    log_event(actor=actor, structure=structure, person=person, part="contract", action="update")
    first, second = AccessLogEntry.objects.order_by("-id")[:2][::-1]
    assert AccessLogEntry.objects.order_by("id").first().previous_hash == ""
    assert second.previous_hash == first.entry_hash
    assert second.entry_hash == compute_hash(second)
    assert ChainHead.objects.get().last_hash == second.entry_hash
    assert verify_chain().ok


def test_it_stores_identifiers_but_no_names(structure, member):
    actor = member()
    person = PersonFactory(structure=structure, first_name="Zoé", last_name="Martin")
    log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    entry = entries_for_person(person).get(action="read")
    assert entry.actor_email == actor.email
    assert entry.person_public_id == person.public_id
    assert entry.structure_public_id == structure.public_id
    assert "Zoé" not in str(vars(entry)) and "Martin" not in str(vars(entry))
