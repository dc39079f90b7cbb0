"""The demo loads on an empty database, reloads with --reset, and obeys every programme rule."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tremplin.accounts.factories import UserFactory
from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract, ContractStatus, Suspension
from tremplin.demo import builder
from tremplin.demo.tests.conftest import DEMO_PORT
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.eligibility.services import person_facts
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import Person
from tremplin.programmes.rules.base import ContractInput
from tremplin.programmes.rules.italy_coop_b import disadvantaged_share_is_met
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import Structure, StructureKind


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_it_builds_three_structures_of_the_three_countries(demo):
    structures = builder.demo_structures()
    assert structures.count() == 3
    assert {s.kind for s in structures} == {StructureKind.ACI, StructureKind.CPAS, StructureKind.COOP_B}
    for structure in structures:
        kinds = set(structure.programmes.values_list("kind", flat=True))
        assert kinds and all(kind.split("_")[0] == structure.country.lower() for kind in kinds)


def test_the_french_aci_has_three_worksites(demo):
    aci = builder.demo_structures().get(kind=StructureKind.ACI)
    assert aci.worksites.count() == 3


def test_it_records_at_least_55_people(demo):
    assert Person.objects.filter(structure__in=builder.demo_structures()).count() >= 55


def test_every_pathway_status_is_present(demo):
    present = set(Pathway.objects.values_list("status", flat=True))
    assert present == set(Status.values)


def test_every_role_is_held_in_each_structure(demo):
    for structure in builder.demo_structures():
        roles = set(Membership.objects.filter(structure=structure, is_active=True).values_list("role", flat=True))
        assert roles == set(Role.values), structure.name


def test_two_counsellors_and_two_supervisors_on_worksites_in_each_structure(demo):
    for structure in builder.demo_structures():
        memberships = Membership.objects.filter(structure=structure)
        assert memberships.filter(role=Role.SUPERVISOR).count() == 2
        assert memberships.filter(role=Role.COUNSELLOR).count() >= 2
        supervisors = User.objects.filter(supervised_worksites__structure=structure).distinct()
        assert supervisors.count() == 2


def test_one_account_works_in_two_structures(demo):
    shared = [user for user in builder.demo_users() if user.memberships.count() == 2]
    assert len(shared) == 1


def test_no_contract_breaks_its_programme_rules(demo):
    contracts = Contract.objects.select_related("pathway__programme", "pathway__person", "renews")
    assert contracts.count() >= 30
    for contract in contracts:
        rules = contract.pathway.programme.rules
        facts = person_facts(contract.pathway.person)
        contract_input = ContractInput(
            start_date=contract.start_date,
            planned_end_date=contract.planned_end_date,
            weekly_hours=contract.weekly_hours,
            reduced_hours_reason=contract.reduced_hours_reason,
            extension_reason=contract.extension_reason,
            work_days_needed=contract.work_days_needed,
            chain_start_date=contract.chain_start_date() if contract.renews_id else None,
            is_renewal=contract.renews_id is not None,
        )
        errors = [v for v in rules.check_contract(contract_input, facts) if v.is_error]
        assert not errors, f"{contract.pathway.person} — {contract}: {errors}"


def test_every_contract_starts_within_a_favourable_diagnosis(demo):
    for contract in Contract.objects.filter(renews__isnull=True).select_related("pathway"):
        assert EligibilityDiagnosis.objects.filter(
            pathway=contract.pathway,
            is_eligible=True,
            made_on__lte=contract.start_date,
            valid_until__gte=contract.start_date,
        ).exists(), contract


def test_the_stages_of_contracts_are_shown(demo):
    assert Contract.objects.filter(renews__isnull=False).exists()
    assert Contract.objects.filter(status=ContractStatus.ENDED_EARLY).exists()
    assert Suspension.objects.count() == 1
    assert Contract.objects.exclude(host_organisation="").exists()


def test_people_in_contract_have_one_running_contract(demo):
    for pathway in Pathway.objects.filter(status=Status.IN_CONTRACT):
        running = pathway.contracts.filter(status__in=(ContractStatus.ACTIVE, ContractStatus.SUSPENDED))
        assert running.count() == 1, pathway


def test_the_italian_cooperative_meets_the_disadvantaged_share(demo):
    coop = builder.demo_structures().get(kind=StructureKind.COOP_B)
    in_contract = Pathway.objects.filter(structure=coop, status=Status.IN_CONTRACT).count()
    assert coop.total_workers
    assert disadvantaged_share_is_met(in_contract, coop.total_workers)


def test_it_prints_the_accounts_the_password_and_the_address(demo):
    output = demo
    assert builder.DEMO_PASSWORD in output
    assert f"http://127.0.0.1:{DEMO_PORT}/" in output
    users = list(builder.demo_users())
    for user in users:
        assert user.email in output
        assert user.email.endswith("@demo.tremplin.test")
    # One shared password: one hash, checked once (hashing is deliberately slow).
    assert len({user.password for user in users}) == 1
    assert users[0].check_password(builder.DEMO_PASSWORD)
    assert "Direction" in output


def test_it_refuses_to_load_twice_without_reset(demo):
    with pytest.raises(CommandError, match="--reset"):
        load()


def test_reset_reloads_the_demo_and_leaves_other_data_alone(demo):
    other = StructureFactory(name="Une vraie structure")
    someone = UserFactory(email="someone@example.org")
    output = load("--reset")
    assert "Démo chargée" in output
    assert builder.demo_structures().count() == 3
    assert Structure.objects.filter(pk=other.pk).exists()
    assert User.objects.filter(pk=someone.pk).exists()
    assert Person.objects.filter(structure__in=builder.demo_structures()).count() >= 55


def test_reset_runs_on_an_empty_database(db):
    load("--reset")
    assert builder.demo_structures().count() == 3


def test_the_same_seed_gives_the_same_people(demo):
    first = sorted(Person.objects.values_list("first_name", "last_name", "birth_date"))
    load("--reset", "--seed", str(builder.DEFAULT_SEED))
    assert sorted(Person.objects.values_list("first_name", "last_name", "birth_date")) == first
    load("--reset", "--seed", str(builder.DEFAULT_SEED + 1))
    assert sorted(Person.objects.values_list("first_name", "last_name", "birth_date")) != first


def test_the_timeline_dates_each_status_change_when_it_happened(demo):
    """The demo dates its history after writing it: the timeline must follow, not show the day it was loaded."""
    from tremplin.pathways.models import StatusChange
    from tremplin.timeline.models import EventKind, TimelineEvent

    changed_at = {str(pk): at for pk, at in StatusChange.objects.values_list("pk", "changed_at")}
    events = TimelineEvent.objects.filter(kind=EventKind.STATUS_CHANGE).values_list("source_id", "occurred_at")
    assert events
    wrong = [(source, at, changed_at[source]) for source, at in events if changed_at.get(source) != at]
    assert not wrong, wrong[:5]
