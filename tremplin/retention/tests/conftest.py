import datetime

import pytest
import time_machine
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.core.dates import add_months
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory


def months_ago(months: int, today: datetime.date | None = None) -> datetime.date:
    return add_months(today or timezone.localdate(), -months)


@pytest.fixture
def closed_file(structure):
    """Factory: a person whose only pathway (contract, proofs) closed `closed_months_ago` months ago, built by moving the clock."""

    def make(closed_months_ago: int, *, structure_=None, status=Status.CLOSED, contract_months: int = 6):
        closed_on = months_ago(closed_months_ago)
        start = add_months(closed_on, -contract_months)
        with time_machine.travel(datetime.datetime.combine(start, datetime.time(10)), tick=False):
            person = PersonFactory(
                structure=structure_ or structure,
                email="jeanne@example.org",
                phone="06 11 22 33 44",
                address="3 rue des Lilas",
                postcode="59100",
                birth_date=datetime.date(1990, 5, 1),
                languages="arabe, français",
            )
            pathway = PathwayFactory(
                person=person, status=Status.IN_CONTRACT, referral_source="Mme Martin, France Travail"
            )
            StatusChange.objects.create(pathway=pathway, to_status=Status.CANDIDATE, reason="Histoire personnelle")
            diagnosis = EligibilityDiagnosisFactory(pathway=pathway, made_on=start, comment="Sortie de prison")
            CriterionProofFactory(diagnosis=diagnosis, proof_date=start, proof_reference="RSA n°123")
            contract = ContractFactory(
                pathway=pathway,
                start_date=start,
                planned_end_date=closed_on,
                status=ContractStatus.COMPLETED,
                early_end_comment="",
            )
        with time_machine.travel(datetime.datetime.combine(closed_on, datetime.time(10)), tick=False):
            StatusChange.objects.create(pathway=pathway, from_status=Status.IN_CONTRACT, to_status=status, reason="Fin")
            pathway.status = status
            pathway.status_changed_at = timezone.now()
            pathway.save()
        person.refresh_from_db()
        person.test_contract = contract
        return person

    return make


@pytest.fixture
def other_structure_member(member):
    return member(Role.DIRECTOR, StructureFactory())
