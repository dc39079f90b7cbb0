from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.contracts.models import Contract, Suspension
from tremplin.pathways.models import Pathway
from tremplin.people.factories import PersonFactory
from tremplin.people.history import forget_history
from tremplin.people.models import Person


def test_after_erasure_no_former_value_remains_in_the_history(structure):
    person = PersonFactory(structure=structure, first_name="Lucie", last_name="Moreau")
    person.address = "12 rue des Lilas"
    person.save()
    suspension = SuspensionFactory(contract=ContractFactory(pathway__person=person), reason="Arrêt maladie")
    person_id = person.pk
    person.delete()
    # Deleting wrote one more history row per record, with its last values.
    assert Person.history.filter(id=person_id, history_type="-").exists()

    assert forget_history(person_id) > 0

    assert not Person.history.filter(id=person_id).exists()
    assert not Pathway.history.filter(person_id=person_id).exists()
    assert not Contract.history.filter(id=suspension.contract_id).exists()
    assert not Suspension.history.filter(id=suspension.pk).exists()


def test_it_leaves_other_people_s_history_alone(structure):
    kept = PersonFactory(structure=structure)
    ContractFactory(pathway__person=kept)
    erased = PersonFactory(structure=structure)

    forget_history(erased.pk)

    assert Person.history.filter(id=kept.pk).count() == 1
    assert Pathway.history.filter(person_id=kept.pk).count() == 1
    assert Contract.history.count() == 1
