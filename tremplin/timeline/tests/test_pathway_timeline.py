"""The pathway's timeline page: who reaches it, what each reader sees, filters, pages, query count."""

import datetime

import factory
import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory
from tremplin.timeline.factories import TimelineEventFactory
from tremplin.timeline.models import EventKind

pytestmark = pytest.mark.django_db

SAMPLE_DATA = {
    EventKind.STATUS_CHANGE: {"from": "candidate", "to": "eligible"},
    EventKind.CONTRACT: {"start": "2026-01-05", "end": "2026-07-04"},
    EventKind.INTERVIEW: {"kind": "individual", "attendance": "present"},
    EventKind.OBSERVATION: {"category": "well_being"},
    EventKind.PLAN_REVIEW: {"next": "2026-12-01"},
    EventKind.BARRIER_CHANGE: {"domain": "health", "from": "identified", "to": "lifted"},
    EventKind.ACTION_DONE: {"section": "mobility"},
    EventKind.WELCOME_STEP: {"doer": "counsellor"},
}


def sample_data(kind: str) -> dict:
    # Kinds of other apps describe themselves (timeline.registry); any code will do here.
    return SAMPLE_DATA.get(kind, {"code": "sample"})


# session, user, membership (middleware), savepoint, pathway, access membership, events count,
# access log (chain head, insert, head update), events page, release: the same for 3 or 300 events.
QUERIES = 12


@pytest.fixture
def pathway(structure):
    return PathwayFactory(person=PersonFactory(structure=structure))


def url(pathway, query: str = "") -> str:
    return reverse("timeline:pathway", args=[pathway.public_id]) + query


def test_it_shows_the_events_newest_first(client, member, pathway):
    now = timezone.now()
    TimelineEventFactory(pathway=pathway, occurred_at=now - datetime.timedelta(days=3), data={"category": "safety"})
    TimelineEventFactory(pathway=pathway, occurred_at=now, data={"category": "incident"})
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(pathway))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index("Incident") < content.index("Sécurité")


def test_it_refuses_another_structures_pathway(client, member, pathway):
    client.force_login(member(Role.DIRECTOR, StructureFactory()))
    assert client.get(url(pathway)).status_code == 404


def test_it_refuses_a_partner(client, member, pathway):
    client.force_login(member(Role.PARTNER))
    assert client.get(url(pathway)).status_code == 404


def test_it_refuses_a_supervisor_outside_the_team(client, member, pathway):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(pathway)).status_code == 404


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.CASE_MANAGER, Role.DPO])
@pytest.mark.parametrize("kind", EventKind.values)
def test_social_staff_see_social_only_events_of_every_kind(client, member, pathway, role, kind):
    TimelineEventFactory(pathway=pathway, kind=kind, data=sample_data(kind), visibility=Visibility.SOCIAL_STAFF_ONLY)
    client.force_login(member(role))
    assert len(client.get(url(pathway)).context["page"].object_list) == 1


@pytest.mark.parametrize("kind", EventKind.values)
def test_a_supervisor_of_the_team_never_sees_a_social_only_event(client, member, pathway, kind):
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    TimelineEventFactory(pathway=pathway, kind=kind, data=sample_data(kind), visibility=Visibility.SOCIAL_STAFF_ONLY)
    TimelineEventFactory(pathway=pathway, kind=kind, data=sample_data(kind), visibility=Visibility.WHOLE_TEAM)
    client.force_login(supervisor)
    response = client.get(url(pathway))
    assert response.status_code == 200
    [event] = response.context["page"].object_list
    assert event.visibility == Visibility.WHOLE_TEAM


@pytest.mark.parametrize("role", [Role.JOB_COACH, Role.ADMIN])
def test_the_rest_of_the_team_sees_whole_team_events_only(client, member, pathway, role):
    TimelineEventFactory(pathway=pathway, visibility=Visibility.SOCIAL_STAFF_ONLY)
    TimelineEventFactory(pathway=pathway, visibility=Visibility.SHAREABLE_WITH_PARTNERS)
    client.force_login(member(role))
    [event] = client.get(url(pathway)).context["page"].object_list
    assert event.visibility == Visibility.SHAREABLE_WITH_PARTNERS


def test_it_filters_by_the_chosen_kinds(client, member, pathway):
    for kind in EventKind.values:
        TimelineEventFactory(pathway=pathway, kind=kind, data=sample_data(kind))
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(pathway, "?kind=contract&kind=interview&kind=nonsense"))
    assert {event.kind for event in response.context["page"].object_list} == {"contract", "interview"}
    assert 'value="contract" checked' in response.content.decode()


def test_an_unknown_kind_alone_shows_everything(client, member, pathway):
    TimelineEventFactory(pathway=pathway)
    client.force_login(member(Role.COUNSELLOR))
    assert len(client.get(url(pathway, "?kind=nonsense")).context["page"].object_list) == 1


def test_it_shows_only_this_pathways_events(client, member, pathway):
    TimelineEventFactory(pathway=PathwayFactory(person=pathway.person))
    client.force_login(member(Role.COUNSELLOR))
    assert len(client.get(url(pathway)).context["page"].object_list) == 0


def test_it_pages_by_fifty_and_keeps_the_filter(client, member, pathway):
    TimelineEventFactory.create_batch(51, pathway=pathway)
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(pathway, "?kind=observation"))
    assert len(response.context["page"].object_list) == 50
    assert "?kind=observation&amp;page=2" in response.content.decode()
    assert len(client.get(url(pathway, "?kind=observation&page=2")).context["page"].object_list) == 1


def test_it_logs_the_reading(client, member, pathway):
    client.force_login(member(Role.COUNSELLOR))
    client.get(url(pathway))
    assert AccessLogEntry.objects.filter(part="timeline", person_public_id=pathway.person.public_id).exists()


@pytest.mark.parametrize("count", [3, 300])
def test_the_query_count_does_not_depend_on_the_number_of_events(
    client, member, pathway, django_assert_num_queries, count
):
    kinds = EventKind.values
    TimelineEventFactory.create_batch(
        count, pathway=pathway, kind=factory.Iterator(kinds), data={}, visibility=Visibility.WHOLE_TEAM
    )
    client.force_login(member(Role.COUNSELLOR))
    client.get(url(pathway))  # warms caches (session, content types)
    with django_assert_num_queries(QUERIES):
        client.get(url(pathway))


def test_the_person_page_links_to_each_pathways_timeline(client, member, pathway):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("people:detail", args=[pathway.person.public_id]))
    assert url(pathway) in response.content.decode()
