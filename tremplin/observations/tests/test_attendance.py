import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.observations.factories import AttendanceRecordFactory
from tremplin.observations.models import AttendanceRecord, AttendanceStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

URL = reverse("observations:attendance")


@pytest.fixture
def second_pathway(structure, supervisor):
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Bruno", last_name="Adam"),
        status=Status.IN_CONTRACT,
        supervisor=supervisor,
    )


def field(pathway) -> str:
    return f"status-{pathway.public_id}"


def test_it_shows_the_team_and_who_has_no_attendance_today(client, supervisor, team_pathway, second_pathway):
    AttendanceRecordFactory(pathway=second_pathway, day=timezone.localdate())
    client.force_login(supervisor)
    response = client.get(URL)
    assert response.status_code == 200
    assert [p.pk for p in response.context["missing"]] == [team_pathway.pk]
    assert "Sans présence saisie aujourd" in response.content.decode()


def test_it_saves_the_whole_team_at_once(client, supervisor, team_pathway, second_pathway):
    client.force_login(supervisor)
    today = timezone.localdate()
    response = client.post(
        URL,
        {"day": today.isoformat(), field(team_pathway): "present", field(second_pathway): "absent_excused"},
    )
    assert response.status_code == 302
    assert dict(AttendanceRecord.objects.values_list("pathway_id", "status")) == {
        team_pathway.pk: AttendanceStatus.PRESENT,
        second_pathway.pk: AttendanceStatus.ABSENT_EXCUSED,
    }
    assert AttendanceRecord.objects.get(pathway=team_pathway).recorded_by == supervisor


def test_reposting_a_day_updates_instead_of_duplicating(client, supervisor, team_pathway):
    client.force_login(supervisor)
    day = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    client.post(URL, {"day": day, field(team_pathway): "present"})
    client.post(URL, {"day": day, field(team_pathway): "late"})
    record = AttendanceRecord.objects.get()
    assert record.status == AttendanceStatus.LATE


def test_a_future_day_is_refused(client, supervisor, team_pathway):
    client.force_login(supervisor)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(URL, {"day": tomorrow, field(team_pathway): "present"})
    assert response.status_code == 200
    assert any("à venir" in error for error in response.context["errors"])
    assert not AttendanceRecord.objects.exists()


def test_a_bad_day_or_status_is_refused_and_nothing_is_half_saved(client, supervisor, team_pathway, second_pathway):
    client.force_login(supervisor)
    response = client.post(URL, {"day": "31/02/2026", field(team_pathway): "present"})
    assert response.status_code == 200
    assert any("Jour" in error for error in response.context["errors"])
    response = client.post(
        URL,
        {"day": timezone.localdate().isoformat(), field(team_pathway): "present", field(second_pathway): "asleep"},
    )
    assert response.status_code == 200
    assert any("Bruno" in error for error in response.context["errors"])
    assert not AttendanceRecord.objects.exists()


def test_people_outside_the_team_are_ignored(client, supervisor, team_pathway, outside_pathway):
    client.force_login(supervisor)
    client.post(URL, {"day": timezone.localdate().isoformat(), field(outside_pathway): "absent"})
    assert not AttendanceRecord.objects.filter(pathway=outside_pathway).exists()
    response = client.get(URL)
    assert outside_pathway.person.full_name not in response.content.decode()


def test_it_never_shows_another_structures_team(client, supervisor, other_structure_pathway):
    other_structure_pathway.supervisor = supervisor
    other_structure_pathway.save()
    client.force_login(supervisor)
    assert client.get(URL).context["rows"] == []


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DIRECTOR, Role.ADMIN, Role.JOB_COACH, Role.DPO])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


def test_a_partner_gets_404(client, member):
    client.force_login(member(Role.PARTNER))
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_constant_query_count(client, structure, supervisor, count, django_assert_num_queries):
    pathways = [
        PathwayFactory(person=PersonFactory(structure=structure), status=Status.IN_CONTRACT, supervisor=supervisor)
        for _ in range(count)
    ]
    AttendanceRecordFactory(pathway=pathways[0], day=timezone.localdate())
    client.force_login(supervisor)
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert len(response.context["rows"]) == count
