"""contracts.services.record_existing_contract: a contract signed before Tremplin (a spreadsheet takeover) passes
the programme's rules, the worksite and the overlap checks, without an eligibility diagnosis in Tremplin."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tremplin.contracts.models import Contract, ContractStatus
from tremplin.contracts.services import ContractTerms, record_existing_contract
from tremplin.pathways.models import Status
from tremplin.structures.factories import WorksiteFactory

pytestmark = pytest.mark.django_db


def terms(start: datetime.date, months_days: int, **kwargs) -> ContractTerms:
    return ContractTerms(
        start_date=start,
        planned_end_date=start + datetime.timedelta(days=months_days),
        weekly_hours=kwargs.pop("weekly_hours", Decimal("26")),
        position="Maraîcher",
        **kwargs,
    )


def test_a_past_contract_is_recorded_without_a_diagnosis(make_pathway, today, counsellor):
    pathway = make_pathway(status=Status.EXITED, eligible=False)
    worksite = WorksiteFactory(structure=pathway.structure)

    contract = record_existing_contract(
        pathway,
        terms(today - datetime.timedelta(days=400), 200, worksite=worksite),
        status=ContractStatus.COMPLETED,
        by=counsellor,
    )

    assert contract.status == ContractStatus.COMPLETED and contract.signed_by == counsellor
    pathway.refresh_from_db()
    assert pathway.worksite == worksite and pathway.status == Status.EXITED


def test_the_programme_rules_and_the_overlap_still_apply(make_pathway, today, counsellor):
    pathway = make_pathway(status=Status.IN_CONTRACT, eligible=False)
    start = today - datetime.timedelta(days=10)

    with pytest.raises(ValidationError) as refused:
        record_existing_contract(pathway, terms(start, 60), status=ContractStatus.ACTIVE, by=counsellor)
    assert "planned_end_date" in refused.value.message_dict

    record_existing_contract(pathway, terms(start, 200), status=ContractStatus.ACTIVE, by=counsellor)
    with pytest.raises(ValidationError) as overlapping:
        record_existing_contract(
            pathway, terms(start + datetime.timedelta(days=5), 200), status=ContractStatus.ACTIVE, by=counsellor
        )
    assert "chevauchent" in overlapping.value.message_dict["start_date"][0]
    assert Contract.objects.count() == 1


def test_a_worksite_of_another_structure_is_refused(make_pathway, today, counsellor):
    pathway = make_pathway(status=Status.IN_CONTRACT, eligible=False)

    with pytest.raises(ValidationError) as refused:
        record_existing_contract(
            pathway, terms(today, 200, worksite=WorksiteFactory()), status=ContractStatus.ACTIVE, by=counsellor
        )
    assert "worksite" in refused.value.message_dict
