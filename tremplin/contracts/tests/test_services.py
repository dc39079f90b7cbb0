"""contracts.services: signing, renewing, suspending, ending early and the supervision ratio, against the database."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from tremplin.accounts.factories import UserFactory
from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.contracts.models import Contract, ContractStatus, EarlyEndReason, Suspension
from tremplin.contracts.services import (
    ContractTerms,
    complete_contract,
    end_contract_early,
    renew_contract,
    sign_contract,
    supervision_warnings,
    suspend_contract,
    worksites_with_load,
)
from tremplin.core.dates import add_months
from tremplin.eligibility.factories import EligibilityDiagnosisFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.base import ExtensionReason
from tremplin.programmes.rules.common import last_day_within
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db


def staff():
    """A staff user; no usable password, so no slow hashing."""
    return UserFactory(password=None)


ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def by():
    return staff()


def pathway_in(structure, kind=ProgrammeKind.FR_ACI, status=Status.ELIGIBLE, person=None, **person_fields):
    return PathwayFactory(
        person=person or PersonFactory(structure=structure, **person_fields),
        programme=ProgrammeFactory(structure=structure, kind=kind),
        status=status,
    )


def diagnose(pathway, made_on, months=6, eligible=True):
    return EligibilityDiagnosisFactory(
        pathway=pathway,
        made_on=made_on,
        is_eligible=eligible,
        valid_until=add_months(made_on, months) - ONE_DAY if eligible else None,
    )


def eligible_pathway(structure, today, **kwargs):
    pathway = pathway_in(structure, **kwargs)
    diagnose(pathway, today - datetime.timedelta(days=5))
    return pathway


def terms(start, months=6, hours="26", end=None, **overrides) -> ContractTerms:
    values = {
        "start_date": start,
        "planned_end_date": end or last_day_within(start, months),
        "weekly_hours": Decimal(hours),
        "position": "Agent·e d'entretien des espaces verts",
    }
    values.update(overrides)
    return ContractTerms(**values)


def running_contract(structure, start, months=6, kind=ProgrammeKind.FR_ACI, **fields):
    pathway = pathway_in(structure, kind=kind, status=Status.IN_CONTRACT, **fields.pop("person_fields", {}))
    return ContractFactory(pathway=pathway, start_date=start, planned_end_date=last_day_within(start, months), **fields)


def state(pathway) -> tuple:
    """What a refused operation must leave untouched."""
    pathway.refresh_from_db()
    return (
        pathway.status,
        pathway.worksite_id,
        Contract.objects.count(),
        StatusChange.objects.filter(pathway=pathway).count(),
        list(Contract.objects.order_by("pk").values_list("status", flat=True)),
    )


# sign_contract --------------------------------------------------------------------------------


def test_signing_creates_the_contract_and_moves_the_pathway_into_contract(structure, today, by):
    pathway = eligible_pathway(structure, today)
    contract, warnings = sign_contract(pathway, terms(today), by=by)
    assert warnings == []
    assert (contract.start_date, contract.planned_end_date) == (today, last_day_within(today, 6))
    assert contract.weekly_hours == Decimal("26")
    assert contract.status == ContractStatus.ACTIVE
    assert contract.signed_by == by
    assert contract.renews is None
    pathway.refresh_from_db()
    assert pathway.status == Status.IN_CONTRACT
    change = pathway.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (Status.ELIGIBLE, Status.IN_CONTRACT, by)
    assert str(contract) in change.reason


def test_signing_on_a_worksite_assigns_the_pathway_to_it(structure, today, by):
    pathway = eligible_pathway(structure, today)
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(staff())
    contract, _ = sign_contract(pathway, terms(today, worksite=worksite), by=by)
    pathway.refresh_from_db()
    assert contract.worksite == worksite
    assert pathway.worksite == worksite


def test_signing_without_any_diagnosis_is_refused_and_writes_nothing(structure, today, by):
    pathway = pathway_in(structure)
    before = state(pathway)
    with pytest.raises(ValidationError) as refused:
        sign_contract(pathway, terms(today), by=by)
    assert list(refused.value.message_dict) == ["start_date"]
    assert "diagnostic d'éligibilité" in refused.value.message_dict["start_date"][0]
    assert state(pathway) == before


def test_an_unfavourable_diagnosis_does_not_open_a_contract(structure, today, by):
    pathway = pathway_in(structure)
    diagnose(pathway, today - ONE_DAY, eligible=False)
    with pytest.raises(ValidationError) as refused:
        sign_contract(pathway, terms(today), by=by)
    assert list(refused.value.message_dict) == ["start_date"]


def test_the_diagnosis_must_be_valid_on_the_start_date(structure, today, by):
    pathway = pathway_in(structure)
    made_on = today - datetime.timedelta(days=5)
    diagnosis = diagnose(pathway, made_on)
    for start in (diagnosis.valid_until + ONE_DAY, made_on - ONE_DAY):
        with pytest.raises(ValidationError) as refused:
            sign_contract(pathway, terms(start), by=by)
        assert list(refused.value.message_dict) == ["start_date"]
    assert not Contract.objects.exists()
    contract, _ = sign_contract(pathway, terms(diagnosis.valid_until), by=by)
    assert contract.start_date == diagnosis.valid_until


@pytest.mark.parametrize("status", [Status.CANDIDATE, Status.NOT_ELIGIBLE, Status.IN_CONTRACT, Status.WITHDRAWN])
def test_only_an_eligible_pathway_can_sign(structure, today, by, status):
    pathway = eligible_pathway(structure, today, status=status)
    before = state(pathway)
    with pytest.raises(ValidationError) as refused:
        sign_contract(pathway, terms(today), by=by)
    assert list(refused.value.message_dict) == [NON_FIELD_ERRORS]
    assert state(pathway) == before


def test_a_contract_overlapping_another_of_the_same_person_in_the_structure_is_refused(structure, today, by):
    earlier = running_contract(structure, today - datetime.timedelta(days=60), months=4)
    pathway = eligible_pathway(structure, today, person=earlier.pathway.person)
    before = state(pathway)
    with pytest.raises(ValidationError) as refused:
        sign_contract(pathway, terms(earlier.planned_end_date), by=by)
    assert list(refused.value.message_dict) == ["start_date"]
    assert "chevauchent" in refused.value.message_dict["start_date"][0]
    assert state(pathway) == before


def test_a_contract_starting_the_day_after_another_ends_is_accepted(structure, today, by):
    earlier = running_contract(structure, today - datetime.timedelta(days=60), months=4)
    pathway = eligible_pathway(structure, today, person=earlier.pathway.person)
    contract, _ = sign_contract(pathway, terms(earlier.planned_end_date + ONE_DAY), by=by)
    assert contract.pk


def test_a_contract_ended_early_only_blocks_until_its_end(structure, today, by):
    earlier = running_contract(structure, today - datetime.timedelta(days=60), months=6)
    earlier.status, earlier.ended_on = ContractStatus.ENDED_EARLY, today - ONE_DAY
    earlier.save()
    pathway = eligible_pathway(structure, today, person=earlier.pathway.person)
    contract, _ = sign_contract(pathway, terms(today), by=by)
    assert contract.start_date < earlier.planned_end_date


def test_another_persons_contract_does_not_overlap(structure, today, by):
    running_contract(structure, today - datetime.timedelta(days=10))
    contract, _ = sign_contract(eligible_pathway(structure, today), terms(today), by=by)
    assert contract.pk


def test_a_worksite_of_another_structure_is_refused_and_nothing_is_written(structure, today, by):
    pathway = eligible_pathway(structure, today)
    foreign = WorksiteFactory(structure=StructureFactory())
    before = state(pathway)
    with pytest.raises(ValidationError) as refused:
        sign_contract(pathway, terms(today, worksite=foreign), by=by)
    assert list(refused.value.message_dict) == ["worksite"]
    assert state(pathway) == before


def test_programme_rules_are_applied_and_all_errors_come_together(structure, today, by):
    pathway = pathway_in(structure)
    before = state(pathway)
    with pytest.raises(ValidationError) as refused:
        sign_contract(
            pathway,
            terms(today, months=2, hours="15", worksite=WorksiteFactory(structure=StructureFactory())),
            by=by,
        )
    assert set(refused.value.message_dict) == {"planned_end_date", "reduced_hours_reason", "worksite", "start_date"}
    assert state(pathway) == before


def test_a_belgian_contract_is_signed_with_its_warnings(structure, today, by):
    pathway = eligible_pathway(structure, today, kind=ProgrammeKind.BE_ARTICLE_60)
    contract, warnings = sign_contract(
        pathway, terms(today, months=12, hours="38", host_organisation="Asbl Le Potager"), by=by
    )
    assert contract.host_organisation == "Asbl Le Potager"
    assert [(w.field, w.code, w.is_error) for w in warnings] == [("work_days_needed", "work_days_unknown", False)]


# Supervision ratio ------------------------------------------------------------------------------


def staffed_worksite(structure, supervisors=1, workers=0, status=ContractStatus.ACTIVE):
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(*(staff() for _ in range(supervisors)))
    for _ in range(workers):
        running_contract(structure, datetime.date(2025, 1, 6), worksite=worksite, status=status)
    return worksite


def aci(structure):
    return ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI)


def test_twelve_workers_for_one_supervisor_raise_no_warning(structure):
    assert supervision_warnings(staffed_worksite(structure, workers=12), aci(structure)) == []


def test_a_thirteenth_worker_for_one_supervisor_raises_a_warning_on_the_worksite(structure):
    worksite = staffed_worksite(structure, workers=13)
    [warning] = supervision_warnings(worksite, aci(structure))
    assert (warning.field, warning.code, warning.is_error) == ("worksite", "supervision_ratio", False)
    assert worksite.name in warning.message
    assert "13 personnes" in warning.message and "12 personnes" in warning.message


def test_the_ratio_grows_with_the_number_of_supervisors(structure):
    assert supervision_warnings(staffed_worksite(structure, supervisors=2, workers=24), aci(structure)) == []
    assert supervision_warnings(staffed_worksite(structure, supervisors=2, workers=25), aci(structure)) != []


def test_a_worksite_with_workers_and_no_supervisor_raises_a_warning(structure):
    [warning] = supervision_warnings(staffed_worksite(structure, supervisors=0, workers=1), aci(structure))
    assert warning.code == "supervision_ratio"


def test_suspended_contracts_count_but_finished_ones_do_not(structure):
    worksite = staffed_worksite(structure, workers=12)
    running_contract(structure, datetime.date(2025, 1, 6), worksite=worksite, status=ContractStatus.SUSPENDED)
    assert len(supervision_warnings(worksite, aci(structure))) == 1
    other = staffed_worksite(structure, workers=12)
    for status in (ContractStatus.ENDED_EARLY, ContractStatus.COMPLETED, ContractStatus.RENEWED):
        running_contract(structure, datetime.date(2025, 1, 6), worksite=other, status=status)
    assert supervision_warnings(other, aci(structure)) == []


@pytest.mark.parametrize("kind", [ProgrammeKind.FR_EI, ProgrammeKind.FR_ETTI, ProgrammeKind.BE_ARTICLE_60])
def test_programmes_without_a_ratio_never_warn(structure, kind):
    worksite = staffed_worksite(structure, supervisors=0, workers=3)
    assert supervision_warnings(worksite, ProgrammeFactory(structure=structure, kind=kind)) == []


def test_no_worksite_no_warning(structure):
    assert supervision_warnings(None, aci(structure)) == []


def test_signing_the_thirteenth_contract_on_an_aci_worksite_returns_the_ratio_warning(structure, today, by):
    worksite = staffed_worksite(structure, workers=11)
    _, warnings = sign_contract(eligible_pathway(structure, today), terms(today, worksite=worksite), by=by)
    assert warnings == []
    _, warnings = sign_contract(eligible_pathway(structure, today), terms(today, worksite=worksite), by=by)
    assert [w.code for w in warnings] == ["supervision_ratio"]


def test_worksites_with_load_counts_each_worksite_of_the_structure_in_one_query(structure, django_assert_num_queries):
    staffed_worksite(structure, supervisors=2, workers=3)
    staffed_worksite(structure, supervisors=1, workers=0)
    staffed_worksite(StructureFactory(), supervisors=1, workers=5)
    with django_assert_num_queries(1):
        loads = sorted((w.workers, w.supervisor_count) for w in worksites_with_load(structure))
    assert loads == [(0, 1), (3, 2)]


# renew_contract ---------------------------------------------------------------------------------


def test_a_renewal_starts_the_day_after_and_marks_the_previous_contract_renewed(structure, today, by):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    renewal, warnings = renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6), by=by)
    previous.refresh_from_db()
    assert warnings == []
    assert renewal.renews == previous
    assert renewal.signed_by == by
    assert renewal.status == ContractStatus.ACTIVE
    assert previous.status == ContractStatus.RENEWED
    assert renewal.chain_start_date() == previous.start_date
    assert renewal.pathway.status == Status.IN_CONTRACT


@pytest.mark.parametrize("shift", [-1, 1, 30])
def test_a_renewal_that_does_not_follow_on_is_refused_with_the_expected_date(structure, today, by, shift):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    expected = previous.planned_end_date + ONE_DAY
    before = state(previous.pathway)
    with pytest.raises(ValidationError) as refused:
        renew_contract(previous, terms(expected + datetime.timedelta(days=shift), months=6), by=by)
    assert "start_date" in refused.value.message_dict
    assert expected.strftime("%d/%m/%Y") in " ".join(refused.value.message_dict["start_date"])
    assert state(previous.pathway) == before


def test_a_renewal_may_be_shorter_than_four_months(structure, today, by):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    renewal, _ = renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=2), by=by)
    assert renewal.pk


def test_the_24_months_count_from_the_first_contract_of_the_chain(structure, today, by):
    first_start = today - datetime.timedelta(days=200)
    first = running_contract(structure, first_start, months=6)
    second, _ = renew_contract(first, terms(first.planned_end_date + ONE_DAY, months=6), by=by)
    third_start = second.planned_end_date + ONE_DAY
    before = state(first.pathway)
    with pytest.raises(ValidationError) as refused:
        renew_contract(second, terms(third_start, end=last_day_within(first_start, 24) + ONE_DAY), by=by)
    assert list(refused.value.message_dict) == ["planned_end_date"]
    assert state(first.pathway) == before
    third, _ = renew_contract(second, terms(third_start, end=last_day_within(first_start, 24)), by=by)
    assert third.chain_start_date() == first_start


def test_a_person_of_55_may_be_renewed_past_24_months(structure, today, by):
    first_start = today - datetime.timedelta(days=700)
    previous = running_contract(
        structure, first_start, months=24, person_fields={"birth_date": datetime.date(1965, 1, 1)}
    )
    renewal, _ = renew_contract(
        previous,
        terms(previous.planned_end_date + ONE_DAY, months=12, extension_reason=ExtensionReason.AGED_50_OR_DISABLED),
        by=by,
    )
    assert renewal.extension_reason == ExtensionReason.AGED_50_OR_DISABLED


def test_a_renewal_on_a_new_worksite_moves_the_pathway_and_checks_its_ratio(structure, today, by):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    crowded = staffed_worksite(structure, workers=12)
    renewal, warnings = renew_contract(
        previous, terms(previous.planned_end_date + ONE_DAY, months=6, worksite=crowded), by=by
    )
    pathway = renewal.pathway
    pathway.refresh_from_db()
    assert pathway.worksite == crowded
    assert [w.code for w in warnings] == ["supervision_ratio"]


def test_a_contract_already_renewed_cannot_be_renewed_again(structure, today, by):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6), by=by)
    previous.refresh_from_db()
    before = state(previous.pathway)
    with pytest.raises(ValidationError) as refused:
        renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6), by=by)
    assert NON_FIELD_ERRORS in refused.value.message_dict
    assert state(previous.pathway) == before


@pytest.mark.parametrize("status", [ContractStatus.ENDED_EARLY, ContractStatus.COMPLETED, ContractStatus.PLANNED])
def test_only_a_running_contract_can_be_renewed(structure, today, by, status):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4, status=status)
    with pytest.raises(ValidationError) as refused:
        renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6), by=by)
    assert NON_FIELD_ERRORS in refused.value.message_dict
    assert Contract.objects.count() == 1


def test_a_suspended_contract_can_be_renewed(structure, today, by):
    previous = running_contract(
        structure, today - datetime.timedelta(days=100), months=4, status=ContractStatus.SUSPENDED
    )
    renewal, _ = renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6), by=by)
    assert renewal.renews == previous


def test_a_renewal_on_another_structures_worksite_is_refused(structure, today, by):
    previous = running_contract(structure, today - datetime.timedelta(days=100), months=4)
    foreign = WorksiteFactory(structure=StructureFactory())
    with pytest.raises(ValidationError) as refused:
        renew_contract(previous, terms(previous.planned_end_date + ONE_DAY, months=6, worksite=foreign), by=by)
    assert list(refused.value.message_dict) == ["worksite"]
    assert Contract.objects.count() == 1


# suspend_contract --------------------------------------------------------------------------------


def test_a_suspension_during_the_contract_is_recorded(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    suspension = suspend_contract(
        contract, start_date=today, end_date=today + datetime.timedelta(days=6), reason="Arrêt maladie", by=by
    )
    assert (suspension.contract, suspension.reason, suspension.recorded_by) == (contract, "Arrêt maladie", by)
    assert contract.suspensions.count() == 1


def test_a_suspension_ending_before_it_starts_is_refused(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    with pytest.raises(ValidationError) as refused:
        suspend_contract(contract, start_date=today, end_date=today - ONE_DAY, reason="Congé", by=by)
    assert list(refused.value.message_dict) == ["end_date"]
    assert not Suspension.objects.exists()


def test_a_suspension_must_start_during_the_contract(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    for start in (contract.start_date - ONE_DAY, contract.planned_end_date + ONE_DAY):
        with pytest.raises(ValidationError) as refused:
            suspend_contract(contract, start_date=start, end_date=start, reason="Congé", by=by)
        assert "start_date" in refused.value.message_dict
    assert not Suspension.objects.exists()
    suspend_contract(
        contract, start_date=contract.planned_end_date, end_date=contract.planned_end_date, reason="x", by=by
    )


def test_a_suspension_cannot_run_past_the_end_of_the_contract(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    with pytest.raises(ValidationError) as refused:
        suspend_contract(
            contract, start_date=today, end_date=contract.planned_end_date + ONE_DAY, reason="Congé", by=by
        )
    assert list(refused.value.message_dict) == ["end_date"]
    assert contract.planned_end_date.strftime("%d/%m/%Y") in refused.value.message_dict["end_date"][0]
    assert not Suspension.objects.exists()


def test_overlapping_suspensions_are_refused_but_adjacent_ones_are_accepted(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    existing = SuspensionFactory(contract=contract, start_date=today, end_date=today + datetime.timedelta(days=4))
    with pytest.raises(ValidationError) as refused:
        suspend_contract(
            contract, start_date=existing.end_date, end_date=existing.end_date + ONE_DAY, reason="x", by=by
        )
    assert list(refused.value.message_dict) == ["start_date"]
    assert contract.suspensions.count() == 1
    suspend_contract(
        contract, start_date=existing.end_date + ONE_DAY, end_date=existing.end_date + ONE_DAY, reason="x", by=by
    )
    assert contract.suspensions.count() == 2


@pytest.mark.parametrize("status", [ContractStatus.ENDED_EARLY, ContractStatus.COMPLETED, ContractStatus.RENEWED])
def test_only_a_running_contract_can_be_suspended(structure, today, by, status):
    contract = running_contract(structure, today - datetime.timedelta(days=30), status=status)
    with pytest.raises(ValidationError) as refused:
        suspend_contract(contract, start_date=today, end_date=today, reason="x", by=by)
    assert NON_FIELD_ERRORS in refused.value.message_dict
    assert not Suspension.objects.exists()


# end_contract_early -------------------------------------------------------------------------------


def test_ending_early_records_the_reason_and_moves_the_pathway_to_exited(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    end_contract_early(contract, ended_on=today, reason=EarlyEndReason.HIRED, comment="CDI chez un paysagiste", by=by)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ENDED_EARLY
    assert (contract.ended_on, contract.early_end_reason, contract.early_end_comment) == (
        today,
        EarlyEndReason.HIRED,
        "CDI chez un paysagiste",
    )
    assert contract.effective_end_date == today
    pathway = contract.pathway
    pathway.refresh_from_db()
    assert pathway.status == Status.EXITED
    change = pathway.status_changes.get()
    assert (change.to_status, change.changed_by) == (Status.EXITED, by)
    assert str(EarlyEndReason.HIRED.label) in change.reason


def test_a_suspended_contract_can_end_early(structure, today, by):
    contract = running_contract(structure, today - datetime.timedelta(days=30), status=ContractStatus.SUSPENDED)
    end_contract_early(contract, ended_on=today, reason=EarlyEndReason.RESIGNATION, comment="", by=by)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ENDED_EARLY


@pytest.mark.parametrize("offset", ["before_start", "after_planned_end"])
def test_the_end_date_must_fall_within_the_contract(structure, today, by, offset):
    contract = running_contract(structure, today - datetime.timedelta(days=30))
    ended_on = contract.start_date - ONE_DAY if offset == "before_start" else contract.planned_end_date + ONE_DAY
    before = state(contract.pathway)
    with pytest.raises(ValidationError) as refused:
        end_contract_early(contract, ended_on=ended_on, reason=EarlyEndReason.OTHER, comment="", by=by)
    assert list(refused.value.message_dict) == ["ended_on"]
    assert state(contract.pathway) == before
    contract.refresh_from_db()
    assert (contract.status, contract.ended_on) == (ContractStatus.ACTIVE, None)


def test_ending_on_the_first_day_or_the_day_before_the_planned_end_is_accepted(structure, today, by):
    first = running_contract(structure, today - datetime.timedelta(days=30))
    end_contract_early(first, ended_on=first.start_date, reason=EarlyEndReason.TRIAL_PERIOD, comment="", by=by)
    second = running_contract(structure, today - datetime.timedelta(days=30))
    end_contract_early(
        second, ended_on=second.planned_end_date - ONE_DAY, reason=EarlyEndReason.MUTUAL, comment="", by=by
    )
    assert Contract.objects.filter(status=ContractStatus.ENDED_EARLY).count() == 2


@pytest.mark.parametrize("status", [ContractStatus.ENDED_EARLY, ContractStatus.COMPLETED, ContractStatus.RENEWED])
def test_only_a_running_contract_can_end_early(structure, today, by, status):
    contract = running_contract(structure, today - datetime.timedelta(days=30), status=status)
    before = state(contract.pathway)
    with pytest.raises(ValidationError) as refused:
        end_contract_early(contract, ended_on=today, reason=EarlyEndReason.OTHER, comment="", by=by)
    assert NON_FIELD_ERRORS in refused.value.message_dict
    assert state(contract.pathway) == before


def test_a_contract_reaching_its_end_is_completed_and_the_person_exits(structure, today, by):
    contract, _ = sign_contract(eligible_pathway(structure, today), terms(today), by=by)
    complete_contract(contract, by=by, today=contract.planned_end_date)
    contract.refresh_from_db()
    contract.pathway.refresh_from_db()
    assert contract.status == ContractStatus.COMPLETED
    assert contract.pathway.status == Status.EXITED


def test_a_contract_cannot_be_completed_before_its_end(structure, today, by):
    contract, _ = sign_contract(eligible_pathway(structure, today), terms(today), by=by)
    with pytest.raises(ValidationError, match="n'arrive à son terme que le"):
        complete_contract(contract, by=by, today=contract.planned_end_date - datetime.timedelta(days=1))
    contract.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE
