"""The dashboard figures, checked without rendering a page."""

from tremplin.accounts.roles import Role
from tremplin.contracts.models import ContractStatus
from tremplin.dashboards import services
from tremplin.pathways.models import Pathway, Status
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.italy_coop_b import disability_quota
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind

from .helpers import TODAY, in_contract, pathway


def test_the_supervision_limit_is_the_smallest_of_the_active_programmes(structure):
    ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_EI)
    assert services.supervision_limit(structure) is None
    ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI)
    assert services.supervision_limit(structure) == 12


def test_an_inactive_programme_sets_no_supervision_limit(structure):
    ProgrammeFactory(structure=structure, kind=ProgrammeKind.FR_ACI, is_active=False)
    assert services.supervision_limit(structure) is None


def test_ended_and_renewed_contracts_are_not_ending_soon(structure):
    _, ended = in_contract(structure, end_in_days=5)
    ended.status = ContractStatus.ENDED_EARLY
    ended.save()
    _, renewed = in_contract(structure, end_in_days=5)
    renewed.status = ContractStatus.RENEWED
    renewed.save()
    _, suspended = in_contract(structure, end_in_days=5)
    suspended.status = ContractStatus.SUSPENDED
    suspended.save()
    assert [row.contract for row in services.contracts_ending(structure, TODAY, 60)] == [suspended]


def test_past_end_dates_are_not_listed_as_ending(structure):
    in_contract(structure, end_in_days=-1)
    assert services.contracts_ending(structure, TODAY, 60) == []


def test_pathways_of_a_former_member_are_shown_for_reassignment(structure, member):
    leaver = member(Role.COUNSELLOR)
    pathway(structure, Status.CANDIDATE, referent=leaver)
    leaver.memberships.update(is_active=False)
    rows, without = services.caseloads_by_referent(structure, limit=40)
    assert [(row.active, bool(row.warning)) for row in rows] == [(1, True)]
    assert without == 0


def test_a_director_following_people_appears_in_the_caseloads(structure, member):
    director = member(Role.DIRECTOR)
    pathway(structure, Status.ELIGIBLE, referent=director)
    rows, _ = services.caseloads_by_referent(structure, limit=40)
    assert [(row.name, row.active) for row in rows] == [(str(director), 1)]


def test_caseload_warning_only_above_the_limit():
    assert services.caseload_warning(40, 40) == ""
    assert "41" in services.caseload_warning(41, 40)


def test_italian_ratios_without_total_workers_ask_for_it(db):
    coop = StructureFactory(kind=StructureKind.COOP_B, total_workers=None)
    ratios = services.italian_ratios(coop)
    assert ratios.share_met is None
    assert "Effectif total non renseigné" in ratios.share_warning


def test_italian_ratios_count_people_in_contract_and_known_disabilities(db):
    coop = StructureFactory(kind=StructureKind.COOP_B, total_workers=60)
    programme = ProgrammeFactory(structure=coop, kind=ProgrammeKind.IT_COOP_B)
    path, _ = in_contract(coop, programme=programme)
    path.person.recognised_disability = True
    path.person.save()
    in_contract(coop, programme=programme)
    pathway(coop, Status.CANDIDATE, programme=programme)
    ratios = services.italian_ratios(coop)
    assert ratios.disadvantaged == 2
    assert ratios.disabled_in_contract == 1
    assert ratios.disability_quota == disability_quota(60)
    assert ratios.needed == 18
    assert str(ratios.share_percent) == "3.3"


def test_status_counts_count_people_not_pathways(structure):
    first = pathway(structure, Status.CANDIDATE)
    pathway(structure, Status.CANDIDATE, person=first.person)
    counts = {row.status: row.count for row in services.status_counts(Pathway.objects.filter(structure=structure))}
    assert counts[Status.CANDIDATE] == 1
