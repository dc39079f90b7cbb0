"""Recording a follow-up from its page: once only, with its date rules."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.exits.models import Outcome
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def follow_up_in(structure, months=1):
    pathway = PathwayFactory(person=PersonFactory(structure=structure), status=Status.FOLLOW_UP)
    return FollowUpFactory(exit=ExitFactory(pathway=pathway), months=months)


def url(item):
    return reverse("exits:follow_up", args=[item.public_id])


def test_a_job_coach_records_the_1_month_follow_up(client, structure, member, today):
    item = follow_up_in(structure)
    client.force_login(member(Role.JOB_COACH))
    response = client.post(
        url(item), {"contacted_on": today.isoformat(), "outcome": Outcome.STILL_IN_JOB, "note": "Ok"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.outcome == Outcome.STILL_IN_JOB and item.contacted_on == today


def test_recording_it_twice_is_refused_with_the_first_date(client, structure, counsellor, today):
    item = follow_up_in(structure)
    client.force_login(counsellor)
    first_day = today - datetime.timedelta(days=2)
    client.post(url(item), {"contacted_on": first_day.isoformat(), "outcome": Outcome.STILL_IN_JOB})
    response = client.post(url(item), {"contacted_on": today.isoformat(), "outcome": Outcome.UNEMPLOYED})
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert "déjà enregistré" in errors[0] and first_day.strftime("%d/%m/%Y") in errors[0]
    item.refresh_from_db()
    assert item.outcome == Outcome.STILL_IN_JOB


def test_a_recorded_follow_up_shows_no_form(client, structure, counsellor, today):
    item = follow_up_in(structure)
    item.outcome, item.contacted_on = Outcome.NO_ANSWER, today
    item.save()
    client.force_login(counsellor)
    content = client.get(url(item)).content.decode()
    assert "déjà enregistré" in content and 'name="outcome"' not in content


def test_a_missing_outcome_is_named(client, structure, counsellor, today):
    item = follow_up_in(structure)
    client.force_login(counsellor)
    response = client.post(url(item), {"contacted_on": today.isoformat()})
    assert response.context["form"].errors["outcome"]


def test_it_refuses_another_structures_person(client, member, today):
    item = follow_up_in(StructureFactory())
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(item)).status_code == 404
    assert client.post(url(item), {"contacted_on": today.isoformat(), "outcome": Outcome.NO_ANSWER}).status_code == 404
