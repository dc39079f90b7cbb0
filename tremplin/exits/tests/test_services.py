"""Recording an exit and its follow-ups: the rules, the contract, the pathway's status, nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tremplin.contracts.models import ContractStatus
from tremplin.exits.models import Exit, ExitReason, FollowUp, Outcome
from tremplin.exits.services import ExitInput, record_exit, record_follow_up
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.programmes.rules import ProgrammeKind
from tremplin.programmes.rules.base import ExitGroup
from tremplin.timeline.models import EventKind, TimelineEvent

from .conftest import in_contract

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def cdi(exit_on, **kwargs) -> ExitInput:
    values = {
        "exit_on": exit_on,
        "reason": ExitReason.HIRED,
        "category": "cdi",
        "destination": "Paysages du Nord",
        "confirm_early_end": True,
    }
    values.update(kwargs)
    return ExitInput(**values)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_an_exit_before_the_planned_end_ends_the_contract_early_and_plans_three_follow_ups(
    pathway_in_contract, counsellor, today
):
    pathway, contract = pathway_in_contract
    exit_on = today - 35 * DAY
    exit_record = record_exit(pathway, cdi(exit_on), by=counsellor)

    contract.refresh_from_db()
    pathway.refresh_from_db()
    assert contract.status == ContractStatus.ENDED_EARLY
    assert contract.ended_on == exit_on
    assert contract.early_end_reason == ExitReason.HIRED
    assert pathway.status == Status.FOLLOW_UP
    assert list(pathway.status_changes.values_list("to_status", flat=True)[:2]) == [Status.FOLLOW_UP, Status.EXITED]
    assert exit_record.group == ExitGroup.LASTING and exit_record.is_counted
    assert exit_record.entry_on == contract.start_date
    assert [f.months for f in exit_record.follow_ups.all()] == [1, 3, 6]
    assert all(not f.is_done for f in exit_record.follow_ups.all())


def test_follow_ups_fall_on_the_same_day_1_3_and_6_months_later(pathway_in_contract, counsellor):
    pathway, contract = pathway_in_contract
    contract.start_date = datetime.date(2025, 6, 1)
    contract.planned_end_date = datetime.date(2026, 3, 31)
    contract.save()
    exit_record = record_exit(pathway, cdi(datetime.date(2026, 1, 31)), by=counsellor, today=datetime.date(2026, 2, 2))
    assert [f.due_on for f in exit_record.follow_ups.all()] == [
        datetime.date(2026, 2, 28),
        datetime.date(2026, 4, 30),
        datetime.date(2026, 7, 31),
    ]


def test_an_exit_on_or_after_the_planned_end_completes_the_contract(structure, counsellor, today):
    pathway, contract = in_contract(structure, start_days_ago=300, end_in_days=-10)
    record_exit(pathway, cdi(today - 5 * DAY, reason=ExitReason.COMPLETED, confirm_early_end=False), by=counsellor)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.COMPLETED
    assert contract.ended_on is None


def test_an_exit_date_before_the_contract_start_is_refused_and_nothing_changes(pathway_in_contract, counsellor):
    pathway, contract = pathway_in_contract
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(contract.start_date - DAY), by=counsellor)
    assert "ne peut pas précéder le début du contrat" in errors_of(excinfo)["exit_on"][0]
    contract.refresh_from_db()
    pathway.refresh_from_db()
    assert contract.status == ContractStatus.ACTIVE
    assert pathway.status == Status.IN_CONTRACT
    assert not Exit.objects.exists() and not FollowUp.objects.exists()


def test_a_category_of_another_programme_is_refused_with_the_programme_named(structure, counsellor, today):
    pathway, _contract = in_contract(structure, kind=ProgrammeKind.BE_ARTICLE_60)
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - 30 * DAY), by=counsellor)
    message = errors_of(excinfo)["category"][0]
    assert "« cdi » n'existe pas" in message and "article 60" in message
    assert not Exit.objects.exists()


def test_an_early_exit_must_be_confirmed_and_cannot_say_the_contract_ran_to_its_end(
    pathway_in_contract, counsellor, today
):
    pathway, _contract = pathway_in_contract
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - 30 * DAY, reason=ExitReason.COMPLETED, confirm_early_end=False), by=counsellor)
    errors = errors_of(excinfo)
    assert "cochez la case" in errors["confirm_early_end"][0]
    assert "départ avant terme" in errors["reason"][0]


def test_an_exit_in_the_future_is_refused(pathway_in_contract, counsellor, today):
    pathway, _contract = pathway_in_contract
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today + DAY), by=counsellor)
    assert "futur" in errors_of(excinfo)["exit_on"][0]


def test_a_job_exit_needs_its_employer(pathway_in_contract, counsellor, today):
    pathway, _contract = pathway_in_contract
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - DAY, destination="  "), by=counsellor)
    assert "employeur" in errors_of(excinfo)["destination"][0]


def test_a_fixed_term_contract_shorter_than_its_category_is_refused(pathway_in_contract, counsellor, today):
    pathway, _contract = pathway_in_contract
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - DAY, category="cdd_6_months_plus", contract_months=4), by=counsellor)
    assert "au moins 6 mois" in errors_of(excinfo)["contract_months"][0]


def test_an_exit_is_recorded_once(pathway_in_contract, counsellor, today):
    pathway, _contract = pathway_in_contract
    record_exit(pathway, cdi(today - 10 * DAY), by=counsellor)
    pathway.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - 5 * DAY), by=counsellor)
    assert "déjà enregistrée" in errors_of(excinfo)[NON_FIELD_ERRORS][0]


def test_a_pathway_without_contract_has_no_exit(structure, counsellor, today):
    pathway = PathwayFactory(person__structure=structure, status=Status.ELIGIBLE)
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today), by=counsellor)
    assert "statut « Éligible »" in errors_of(excinfo)[NON_FIELD_ERRORS][0]


def test_after_a_contract_ended_on_the_contract_page_the_exit_cannot_be_earlier(structure, counsellor, today):
    from tremplin.contracts.services import end_contract_early

    pathway, contract = in_contract(structure)
    end_contract_early(contract, ended_on=today - 20 * DAY, reason="hired", comment="", by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.EXITED
    with pytest.raises(ValidationError) as excinfo:
        record_exit(pathway, cdi(today - 25 * DAY), by=counsellor)
    assert "a pris fin le" in errors_of(excinfo)["exit_on"][0]
    record_exit(pathway, cdi(today - 20 * DAY, confirm_early_end=False), by=counsellor)
    pathway.refresh_from_db()
    assert pathway.status == Status.FOLLOW_UP


def test_an_exit_within_3_months_of_entry_is_recorded_but_not_counted(structure, counsellor, today):
    pathway, _contract = in_contract(structure, start_days_ago=40)
    exit_record = record_exit(pathway, cdi(today - 5 * DAY), by=counsellor)
    assert exit_record.group == ExitGroup.LASTING
    assert not exit_record.is_counted and exit_record.not_counted_because == "short_stay"


def test_a_death_plans_no_follow_up_closes_the_pathway_and_stays_with_the_social_staff(
    pathway_in_contract, counsellor, today
):
    pathway, _contract = pathway_in_contract
    exit_record = record_exit(
        pathway, cdi(today - DAY, category="death", reason=ExitReason.OTHER, destination=""), by=counsellor
    )
    pathway.refresh_from_db()
    assert pathway.status == Status.CLOSED
    assert not exit_record.follow_ups.exists()
    assert exit_record.visibility == "social_staff_only"
    assert TimelineEvent.objects.get(kind=EventKind.EXIT).visibility == "social_staff_only"


def test_the_exit_and_a_recorded_follow_up_are_on_the_timeline(pathway_in_contract, counsellor, today):
    pathway, _contract = pathway_in_contract
    exit_record = record_exit(pathway, cdi(today - 40 * DAY), by=counsellor)
    event = TimelineEvent.objects.get(kind=EventKind.EXIT)
    assert event.describe() == "Sortie : Contrat à durée indéterminée (CDI) (emploi durable)"
    assert "Paysages" not in str(event.data)  # no free text on the timeline
    first = exit_record.follow_ups.get(months=1)
    assert not TimelineEvent.objects.filter(kind=EventKind.FOLLOW_UP).exists()
    record_follow_up(first, contacted_on=today, outcome=Outcome.STILL_IN_JOB, note="Très contente", by=counsellor)
    event = TimelineEvent.objects.get(kind=EventKind.FOLLOW_UP)
    assert event.describe().startswith("Suivi à 1 mois après la sortie : Toujours dans l'emploi")


def _exit(pathway_in_contract, counsellor, today, days=200):
    pathway, _contract = pathway_in_contract
    pathway.contracts.update(start_date=today - (days + 200) * DAY)
    return record_exit(pathway, cdi(today - days * DAY), by=counsellor)


def test_a_follow_up_recorded_twice_is_refused_saying_when(pathway_in_contract, counsellor, today):
    exit_record = _exit(pathway_in_contract, counsellor, today)
    first = exit_record.follow_ups.get(months=1)
    record_follow_up(first, contacted_on=today - 160 * DAY, outcome=Outcome.STILL_IN_JOB, note="", by=counsellor)
    with pytest.raises(ValidationError) as excinfo:
        record_follow_up(first, contacted_on=today, outcome=Outcome.UNEMPLOYED, note="", by=counsellor)
    message = errors_of(excinfo)[NON_FIELD_ERRORS][0]
    assert "déjà enregistré" in message and (today - 160 * DAY).strftime("%d/%m/%Y") in message
    first.refresh_from_db()
    assert first.outcome == Outcome.STILL_IN_JOB


def test_a_follow_up_cannot_be_recorded_long_before_it_is_due_nor_in_the_future(pathway_in_contract, counsellor, today):
    exit_record = _exit(pathway_in_contract, counsellor, today, days=10)
    six = exit_record.follow_ups.get(months=6)
    with pytest.raises(ValidationError) as excinfo:
        record_follow_up(six, contacted_on=today, outcome=Outcome.STILL_IN_JOB, note="", by=counsellor)
    assert "au plus tôt" in errors_of(excinfo)["contacted_on"][0]
    with pytest.raises(ValidationError) as excinfo:
        record_follow_up(six, contacted_on=today + DAY, outcome=Outcome.STILL_IN_JOB, note="", by=counsellor)
    assert "futur" in errors_of(excinfo)["contacted_on"][0]
    six.refresh_from_db()
    assert not six.is_done


def test_the_pathway_closes_when_the_last_follow_up_is_recorded(pathway_in_contract, counsellor, today):
    exit_record = _exit(pathway_in_contract, counsellor, today)
    pathway = exit_record.pathway
    for months, outcome in ((6, Outcome.NEW_JOB), (1, Outcome.STILL_IN_JOB)):
        record_follow_up(
            exit_record.follow_ups.get(months=months), contacted_on=today, outcome=outcome, note="", by=counsellor
        )
        pathway.refresh_from_db()
        assert pathway.status == Status.FOLLOW_UP
    record_follow_up(
        exit_record.follow_ups.get(months=3), contacted_on=today, outcome=Outcome.NO_ANSWER, note="", by=counsellor
    )
    pathway.refresh_from_db()
    assert pathway.status == Status.CLOSED
    assert pathway.status_changes.first().reason == "Dernier suivi après sortie enregistré"


def test_the_timeline_of_one_structure_rebuilds_with_the_exit_and_follow_ups(pathway_in_contract, counsellor, today):
    from django.core.management import call_command

    exit_record = _exit(pathway_in_contract, counsellor, today)
    record_follow_up(
        exit_record.follow_ups.get(months=1), contacted_on=today, outcome=Outcome.NEW_JOB, note="", by=counsellor
    )
    TimelineEvent.objects.filter(kind__in=(EventKind.EXIT, EventKind.FOLLOW_UP)).delete()
    call_command("rebuild_timeline", structure=str(exit_record.pathway.structure.public_id), stdout=None)
    kinds = set(TimelineEvent.objects.values_list("kind", flat=True))
    assert {EventKind.EXIT, EventKind.FOLLOW_UP} <= kinds
