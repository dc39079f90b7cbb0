import datetime

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import log_event
from tremplin.people.factories import PersonFactory
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("audit:log")


def reads(structure, person, actor, count=1):
    for _ in range(count):
        log_event(actor=actor, structure=structure, person=person, part="person", action="read")


def listed(response) -> list[AccessLogEntry]:
    return list(response.context["page"].object_list)


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_the_director_and_the_dpo_read_the_log(client, structure, member, role):
    person = PersonFactory(structure=structure, first_name="Nadia", last_name="Benali")
    reads(structure, person, member(Role.COUNSELLOR))
    client.force_login(member(role))

    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Benali Nadia" in content
    assert reverse("people:detail", args=[person.public_id]) in content


@pytest.mark.parametrize(
    "role", [Role.ADMIN, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH, Role.SUPERVISOR, Role.PARTNER]
)
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_another_structures_entries_never_appear(client, structure, member):
    elsewhere = StructureFactory()
    foreign = PersonFactory(structure=elsewhere)
    reads(elsewhere, foreign, member(Role.COUNSELLOR, elsewhere), count=3)
    client.force_login(member(Role.DIRECTOR))

    response = client.get(URL)
    searched = client.get(URL, {"person_id": str(foreign.public_id)})

    assert all(e.structure_public_id == structure.public_id for e in listed(response))
    assert listed(searched) == []
    assert str(foreign.public_id) not in response.content.decode()


def test_it_searches_by_person_actor_action_and_dates(client, structure, member):
    one, two = PersonFactory(structure=structure), PersonFactory(structure=structure)
    alice, bob = member(Role.COUNSELLOR), member(Role.CASE_MANAGER)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)):
        reads(structure, one, alice)
    with time_machine.travel(datetime.datetime(2026, 3, 20, 10, tzinfo=datetime.UTC)):
        reads(structure, two, bob)
        log_event(actor=bob, structure=structure, person=two, part="contract", action="export")
    client.force_login(member(Role.DPO))

    def found(**criteria):
        return [(e.person_public_id, e.actor_email, e.action) for e in listed(client.get(URL, criteria))]

    assert found(person=str(one.public_id), action="read") == [(one.public_id, alice.email, "read")]
    assert found(person_id=str(two.public_id), action="export") == [(two.public_id, bob.email, "export")]
    assert {row[1] for row in found(actor=alice.email.upper())} == {alice.email}
    assert found(action="read", date_from="2026-03-01", date_to="2026-03-10") == [(one.public_id, alice.email, "read")]
    assert found(action="read", date_from="2026-03-15") == [(two.public_id, bob.email, "read")]


def test_a_reversed_date_range_is_explained(client, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL, {"date_from": "2026-03-10", "date_to": "2026-03-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"] == ["La date de fin doit suivre la date de début."]


def test_the_person_list_offers_only_this_structures_people(client, structure, member):
    PersonFactory(structure=StructureFactory(), last_name="Ailleurs")
    mine = PersonFactory(structure=structure)
    client.force_login(member(Role.DIRECTOR))
    choices = list(client.get(URL).context["form"].fields["person"].queryset)
    assert choices == [mine]


def test_it_paginates_by_25(client, structure, member):
    reads(structure, PersonFactory(structure=structure), member(), count=30)
    client.force_login(member(Role.DIRECTOR))
    first = client.get(URL)
    assert len(listed(first)) == 25
    assert first.context["page"].paginator.count >= 30
    assert len(listed(client.get(URL, {"page": 2}))) >= 5


def test_the_query_count_does_not_depend_on_the_number_of_entries(client, structure, member, django_assert_num_queries):
    director = member(Role.DIRECTOR)
    reads(structure, PersonFactory(structure=structure), director)
    client.force_login(director)
    client.get(URL)  # warms the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(12):
        reads(structure, PersonFactory(structure=structure), director, count=2)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(listed(response)) == 25


def test_parts_are_shown_by_their_french_label_not_their_code(client, structure, member):
    """A change to an interview is logged under the registry's part "interview": the page names it as the
    declaration does; a page's read part ("history") is named too."""
    from tremplin.interviews.factories import InterviewFactory

    person = PersonFactory(structure=structure)
    InterviewFactory(pathway__person=person)
    log_event(actor=member(Role.COUNSELLOR), structure=structure, person=person, part="history", action="read")
    assert AccessLogEntry.objects.filter(part="interview").exists()
    client.force_login(member(Role.DIRECTOR))

    content = client.get(URL).content.decode()

    assert "<td>entretien</td>" in content
    assert "<td>interview</td>" not in content
    assert "<td>historique des modifications</td>" in content
    assert "<td>history</td>" not in content
