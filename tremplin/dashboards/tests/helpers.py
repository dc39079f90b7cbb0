"""Small builders shared by the dashboard tests: pathways at a given stage, with contracts."""

import datetime
from decimal import Decimal

from django.utils import timezone

from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import WorksiteFactory

# The dashboards count days in the project's time zone.
TODAY = timezone.localdate()


def programme_of(structure, kind=ProgrammeKind.FR_ACI):
    return structure.programmes.filter(kind=kind).first() or ProgrammeFactory(structure=structure, kind=kind)


def pathway(structure, status=Status.CANDIDATE, **kwargs):
    person = kwargs.pop("person", None) or PersonFactory(structure=structure)
    programme = kwargs.pop("programme", None) or programme_of(structure)
    return PathwayFactory(person=person, programme=programme, status=status, **kwargs)


def in_contract(structure, *, end_in_days=120, worksite=None, position="Agent·e de maraîchage", **kwargs):
    """A pathway in contract whose running contract ends `end_in_days` from today."""
    path = pathway(structure, Status.IN_CONTRACT, worksite=worksite, **kwargs)
    contract = ContractFactory(
        pathway=path,
        worksite=worksite,
        position=position,
        start_date=TODAY - datetime.timedelta(days=60),
        planned_end_date=TODAY + datetime.timedelta(days=end_in_days),
        weekly_hours=Decimal("26"),
        status=ContractStatus.ACTIVE,
    )
    return path, contract


def worksite(structure, supervisors=(), **kwargs):
    site = WorksiteFactory(structure=structure, **kwargs)
    for user in supervisors:
        site.supervisors.add(user)
    return site


def contracts_on(worksite, programme, count: int, status=ContractStatus.ACTIVE) -> None:
    """`count` people in contract on `worksite`, in `programme` of the worksite's structure."""
    for _ in range(count):
        pathway = PathwayFactory(person__structure=worksite.structure, programme=programme, status=Status.IN_CONTRACT)
        ContractFactory(pathway=pathway, worksite=worksite, status=status)
