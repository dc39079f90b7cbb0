import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.retention.models import RetentionRecord
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db
URL = reverse("retention:plan")


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.DPO])
def test_it_lists_what_would_go_and_changes_nothing(client, member, closed_file, role):
    person = closed_file(25)
    client.force_login(member(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert person.full_name in response.content.decode()
    assert not RetentionRecord.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN, Role.JOB_COACH, Role.PARTNER])
def test_other_roles_are_refused(client, member, role):
    client.force_login(member(role))
    assert client.get(URL).status_code == 403


def test_it_shows_only_its_own_structures_people(client, member, closed_file):
    other = closed_file(25, structure_=StructureFactory())
    client.force_login(member(Role.DPO))
    assert other.full_name not in client.get(URL).content.decode()


@pytest.mark.parametrize("rows", [2, 30])
def test_the_query_count_does_not_depend_on_the_number_of_rows(
    client, member, closed_file, django_assert_num_queries, rows
):
    for _ in range(rows):
        closed_file(25)
    client.force_login(member(Role.DPO))
    with django_assert_num_queries(11):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["page"]) == min(rows, 25)
