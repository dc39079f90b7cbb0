"""A contract signed ahead of its first day: the person is in contract from that day, not from the signature."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.contracts.services import start_due_contracts
from tremplin.contracts.tasks import start_due_contracts_task
from tremplin.core.dates import add_months
from tremplin.dashboards.services import team_home
from tremplin.pathways.models import Status
from tremplin.structures.factories import WorksiteFactory

pytestmark = pytest.mark.django_db

ATTENDANCE = reverse("observations:attendance")


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def signed_for_next_week(client, counsellor, make_pathway, structure, supervisor, today):
    """A counsellor signs today a contract starting in a week, on the supervisor's worksite and team."""
    pathway = make_pathway(first_name="Nadia", last_name="Ferhat")
    pathway.supervisor = supervisor
    pathway.save()
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(supervisor)
    start = today + datetime.timedelta(days=7)
    client.force_login(counsellor)
    response = client.post(
        reverse("contracts:create", args=[pathway.public_id]),
        {
            "start_date": start.isoformat(),
            "planned_end_date": (add_months(start, 6) - datetime.timedelta(days=1)).isoformat(),
            "weekly_hours": "26",
            "position": "Agent·e d'entretien des espaces verts",
            "worksite": str(worksite.pk),
            "reduced_hours_reason": "",
            "extension_reason": "",
        },
    )
    assert response.status_code == 302
    return Contract.objects.get(pathway=pathway)


def attendance_names(client, user) -> str:
    client.force_login(user)
    response = client.get(ATTENDANCE)
    assert response.status_code == 200
    return "".join(str(row["pathway"].person) for row in response.context["rows"])


def test_a_contract_starting_next_week_is_signed_but_the_person_is_not_yet_in_contract(signed_for_next_week):
    contract = signed_for_next_week
    contract.pathway.refresh_from_db()
    assert contract.status == ContractStatus.PLANNED
    assert contract.pathway.status == Status.ELIGIBLE


def test_a_contract_starting_next_week_keeps_the_person_off_todays_attendance(
    client, signed_for_next_week, supervisor, today
):
    assert "Ferhat" not in attendance_names(client, supervisor)
    home = team_home(supervisor, supervisor.memberships.get(), today)
    assert signed_for_next_week.pathway not in home.without_attendance


def test_the_person_page_says_when_the_signed_contract_starts(client, counsellor, signed_for_next_week):
    pathway = signed_for_next_week.pathway
    client.force_login(counsellor)
    content = client.get(reverse("people:detail", args=[pathway.person.public_id])).content.decode()
    start = signed_for_next_week.start_date.strftime("%d/%m/%Y")
    assert f"Contrat signé, débute le {start} : la personne sera en contrat à partir de cette date." in content
    assert reverse("contracts:create", args=[pathway.public_id]) not in content


def test_on_its_start_date_the_daily_task_puts_the_person_in_contract_and_on_attendance(
    client, signed_for_next_week, supervisor
):
    start = signed_for_next_week.start_date
    moment = timezone.make_aware(datetime.datetime.combine(start, datetime.time(0, 5)))
    with time_machine.travel(moment, tick=False):
        assert start_due_contracts_task.apply().get() == 1  # run here, as the worker would
        signed_for_next_week.refresh_from_db()
        pathway = signed_for_next_week.pathway
        pathway.refresh_from_db()
        assert signed_for_next_week.status == ContractStatus.ACTIVE
        assert pathway.status == Status.IN_CONTRACT
        assert pathway.status_changes.first().reason.startswith("Début du contrat signé")
        assert "Ferhat" in attendance_names(client, supervisor)


def test_the_day_before_its_start_the_daily_task_leaves_the_contract_planned(signed_for_next_week):
    assert start_due_contracts(signed_for_next_week.start_date - datetime.timedelta(days=1)) == []
    signed_for_next_week.refresh_from_db()
    assert signed_for_next_week.status == ContractStatus.PLANNED


def test_a_missed_day_is_caught_up_the_next_run(signed_for_next_week):
    assert start_due_contracts(signed_for_next_week.start_date + datetime.timedelta(days=2)) == [signed_for_next_week]


def test_a_pathway_withdrawn_before_the_start_keeps_its_contract_planned(signed_for_next_week):
    pathway = signed_for_next_week.pathway
    pathway.status = Status.WITHDRAWN
    pathway.save()
    assert start_due_contracts(signed_for_next_week.start_date) == []
    signed_for_next_week.refresh_from_db()
    assert signed_for_next_week.status == ContractStatus.PLANNED


def test_a_second_contract_is_refused_while_one_waits_to_start(client, counsellor, signed_for_next_week):
    pathway = signed_for_next_week.pathway
    client.force_login(counsellor)
    response = client.get(reverse("contracts:create", args=[pathway.public_id]))
    start = signed_for_next_week.start_date.strftime("%d/%m/%Y")
    assert f"Un contrat est déjà signé pour ce parcours : il débute le {start}." in response.content.decode()
    assert response.context["is_open"] is False


def test_the_daily_start_is_scheduled_just_after_midnight():
    schedule = settings.CELERY_BEAT_SCHEDULE["contracts-start-daily"]
    assert schedule["task"] == "tremplin.contracts.start_due_contracts"
    assert schedule["schedule"].hour == {0}


def test_the_command_starts_due_contracts_for_cron_installations(signed_for_next_week):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("start_contracts", today=signed_for_next_week.start_date.isoformat(), stdout=out)
    signed_for_next_week.refresh_from_db()
    assert signed_for_next_week.status == ContractStatus.ACTIVE
    assert "1 contrat(s) débuté(s)" in out.getvalue()
