"""The CV opens for a person at every stage of their pathway and every state of their contracts.

The views were only tested with a running contract; an ended one took another code path (its end date) and
crashed. Each stage below is what the pathway and contract services leave behind at that point.
"""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.contracts.models import ContractStatus, EarlyEndReason
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def _contract(pathway, status, start, end, **fields):
    return ContractFactory(
        pathway=pathway,
        status=status,
        start_date=start,
        planned_end_date=end,
        weekly_hours=Decimal("26"),
        position=f"Poste {status}",
        **fields,
    )


def _no_contract(pathway):
    return None


def _running(pathway):
    _contract(pathway, ContractStatus.ACTIVE, _days(-30), _days(150))
    return None


def _planned(pathway):
    _contract(pathway, ContractStatus.PLANNED, _days(10), _days(190))
    return None


def _suspended(pathway):
    contract = _contract(pathway, ContractStatus.SUSPENDED, _days(-60), _days(120))
    SuspensionFactory(contract=contract, start_date=_days(-5), end_date=_days(10))
    return None


def _renewed(pathway):
    first = _contract(pathway, ContractStatus.RENEWED, _days(-200), _days(-20))
    _contract(pathway, ContractStatus.ACTIVE, _days(-19), _days(160), renews=first)
    return None


def _ended_early(pathway):
    _contract(
        pathway,
        ContractStatus.ENDED_EARLY,
        _days(-200),
        _days(100),
        ended_on=_days(-40),
        early_end_reason=EarlyEndReason.HIRED,
    )
    return _days(-40)


def _completed(pathway):
    _contract(pathway, ContractStatus.COMPLETED, _days(-300), _days(-60))
    return _days(-60)


def _renewed_then_completed(pathway):
    first = _contract(pathway, ContractStatus.RENEWED, _days(-400), _days(-200))
    _contract(pathway, ContractStatus.COMPLETED, _days(-199), _days(-10), renews=first)
    return _days(-10)


# (pathway status, what its contracts look like) -> the end date the CV must show for the last job, if any.
STAGES = {
    "candidate": (Status.CANDIDATE, _no_contract),
    "eligible": (Status.ELIGIBLE, _no_contract),
    "eligible_with_planned_contract": (Status.ELIGIBLE, _planned),
    "not_eligible": (Status.NOT_ELIGIBLE, _no_contract),
    "withdrawn": (Status.WITHDRAWN, _no_contract),
    "in_contract_running": (Status.IN_CONTRACT, _running),
    "in_contract_suspended": (Status.IN_CONTRACT, _suspended),
    "in_contract_renewed": (Status.IN_CONTRACT, _renewed),
    "exited_contract_ended_early": (Status.EXITED, _ended_early),
    "exited_contract_completed": (Status.EXITED, _completed),
    "follow_up_after_exit": (Status.FOLLOW_UP, _renewed_then_completed),
    "closed_after_exit": (Status.CLOSED, _completed),
}


@pytest.fixture(params=sorted(STAGES))
def staged(request, structure):
    status, build_contracts = STAGES[request.param]
    person = PersonFactory(structure=structure)
    pathway = PathwayFactory(person=person, programme=ProgrammeFactory(structure=structure), status=status)
    return pathway, build_contracts(pathway)


@pytest.mark.parametrize("page", ["edit", "preview", "pdf", "json"])
def test_every_cv_page_opens_at_every_stage_of_the_pathway(client, staged, coach, page):
    pathway, _end = staged
    client.force_login(coach)

    response = client.get(reverse(f"cv:{page}", args=[pathway.person.public_id]))

    assert response.status_code == 200


def test_a_job_that_has_ended_shows_its_end_date_on_the_cv(client, staged, coach):
    pathway, end = staged
    client.force_login(coach)

    work = json.loads(client.get(reverse("cv:json", args=[pathway.person.public_id])).content).get("work", [])

    jobs = [job for job in work if job["position"].startswith("Poste ")]
    if end is None:
        assert all(not job.get("endDate") for job in jobs)
    else:
        assert [job["endDate"] for job in jobs] == [end.isoformat()]
