"""Small helpers the indicator tests share: a pathway with its contract, exit and follow-ups."""

import datetime
from decimal import Decimal

from tremplin.contracts.factories import ContractFactory, SuspensionFactory
from tremplin.contracts.models import ContractStatus
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


def pathway_with_contract(
    structure,
    programme,
    start: datetime.date,
    end: datetime.date,
    *,
    hours: str = "26",
    person=None,
    suspended: tuple[datetime.date, datetime.date] | None = None,
    ended_on: datetime.date | None = None,
    status=ContractStatus.ACTIVE,
):
    person = person or PersonFactory(structure=structure)
    pathway = PathwayFactory(person=person, structure=structure, programme=programme, status=Status.IN_CONTRACT)
    contract = ContractFactory(
        pathway=pathway,
        start_date=start,
        planned_end_date=end,
        weekly_hours=Decimal(hours),
        ended_on=ended_on,
        status=ContractStatus.ENDED_EARLY if ended_on else status,
    )
    if suspended:
        SuspensionFactory(contract=contract, start_date=suspended[0], end_date=suspended[1])
    return pathway


def add_exit(
    pathway,
    on: datetime.date,
    *,
    group="lasting",
    category="cdi",
    counted=True,
    because="",
    entry=None,
    outcomes: dict[int, str] | None = None,
    visibility=None,
):
    extra = {"visibility": visibility} if visibility else {}
    exit_record = ExitFactory(
        pathway=pathway,
        exit_on=on,
        group=group,
        category=category,
        is_counted=counted,
        not_counted_because=because,
        entry_on=entry or pathway.contracts.order_by("start_date").first().start_date,
        **extra,
    )
    for months, outcome in (outcomes or {}).items():
        FollowUpFactory(exit=exit_record, months=months, outcome=outcome, contacted_on=on if outcome else None)
    return exit_record
