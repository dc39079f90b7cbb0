import datetime

import pytest

from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import StatusChange
from tremplin.people.factories import PersonFactory


@pytest.fixture
def full_person(structure):
    """A person with a pathway, a status change, a diagnosis with a proof, and a suspended contract."""

    def make(first_name="Awa", last_name="Diallo", **person_fields):
        person = PersonFactory(structure=structure, first_name=first_name, last_name=last_name, **person_fields)
        pathway = PathwayFactory(person=person, referral_source=f"France Travail pour {first_name}")
        StatusChange.objects.create(
            pathway=pathway, from_status="", to_status="candidate", reason=f"Accueil {first_name}"
        )
        diagnosis = EligibilityDiagnosisFactory(pathway=pathway, made_on=datetime.date.today())
        CriterionProofFactory(diagnosis=diagnosis, proof_reference=f"CAF-{last_name}")
        contract = ContractFactory(pathway=pathway, position=f"Maraîchage {first_name}")
        SuspensionFactory(contract=contract, reason=f"Arrêt {first_name}")
        return person

    return make
