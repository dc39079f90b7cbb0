"""The person's messages and contact preferences (messaging:person)."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.messaging.factories import MessageFactory


def url(person):
    return reverse("messaging:person", args=[person.public_id])


def test_the_messages_are_listed_with_their_status_and_reason(client, counsellor, pathway, person):
    MessageFactory(pathway=pathway, status="failed", reason="Brevo 400: invalid_parameter")
    MessageFactory(pathway=pathway, purpose="reminder", channel="email", declined_at="2026-12-01T10:00Z")
    client.force_login(counsellor)
    response = client.get(url(person))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brevo 400: invalid_parameter" in html
    assert "Ne pourra pas venir" in html
    assert "Rappel" in html
    assert AccessLogEntry.objects.filter(part="messages", person_public_id=person.public_id).count() == 1


def test_without_consent_the_page_says_no_message_goes(client, counsellor, person, pathway):
    client.force_login(counsellor)
    html = client.get(url(person)).content.decode()
    assert "pas donné son accord" in html


def test_a_job_coach_does_not_see_the_messages_of_a_social_staff_only_meeting(client, member, pathway, person):
    MessageFactory(pathway=pathway, body="secret-social", visibility=Visibility.SOCIAL_STAFF_ONLY)
    MessageFactory(pathway=pathway, body="open-to-team")
    client.force_login(member(Role.JOB_COACH))
    html = client.get(url(person)).content.decode()
    assert "open-to-team" in html and "secret-social" not in html


def test_another_structure_gets_404(client, person, pathway):
    from tremplin.accounts.factories import MembershipFactory
    from tremplin.structures.factories import StructureFactory

    client.force_login(MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user)
    assert client.get(url(person)).status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_the_query_count_does_not_depend_on_the_number_of_messages(
    client, counsellor, pathway, person, count, django_assert_num_queries
):
    for _ in range(count):
        MessageFactory(pathway=pathway, sent_by=counsellor)
    client.force_login(counsellor)
    client.get(url(person))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url(person))
    baseline = len(queries)
    MessageFactory(pathway=pathway, sent_by=counsellor)
    with django_assert_num_queries(baseline):
        client.get(url(person))


def test_a_supervisor_outside_the_persons_team_gets_404(client, member, person, pathway):
    client.force_login(member(Role.SUPERVISOR))
    assert client.get(url(person)).status_code == 404
