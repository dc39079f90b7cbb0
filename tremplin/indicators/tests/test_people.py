"""The people behind a figure: the same pathways as the figure, at the reader's levels, the read logged."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.core.visibility import Visibility
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import StructureFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db
URL = reverse("indicators:people")
d = datetime.date
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


@pytest.fixture
def pathways(structure):
    aci = ProgrammeFactory(structure=structure)
    first = pathway_with_contract(structure, aci, d(2025, 1, 1), d(2025, 6, 30))
    add_exit(
        first,
        d(2025, 6, 30),
        group="not_counted",
        category="long_illness",
        counted=False,
        because="category",
        visibility=Visibility.SOCIAL_STAFF_ONLY,
    )
    second = pathway_with_contract(structure, aci, d(2025, 2, 1), d(2025, 7, 31))
    add_exit(second, d(2025, 7, 31))
    other = StructureFactory()
    pathway_with_contract(other, ProgrammeFactory(structure=other), d(2025, 1, 1), d(2025, 12, 31))
    return first, second


def test_the_list_names_the_people_of_the_figure_and_logs_each_read(client, structure, member, pathways):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL, {"figure": "supported", **YEAR})
    assert response.status_code == 200
    assert {p.pk for p in response.context["pathways"]} == {p.pk for p in pathways}
    logged = set(AccessLogEntry.objects.filter(part="indicator_people").values_list("person_public_id", flat=True))
    assert {str(v) for v in logged} == {str(p.person.public_id) for p in pathways}


def test_an_exit_kept_for_the_social_staff_is_not_listed_to_the_administration(client, structure, member, pathways):
    client.force_login(member(Role.ADMIN))
    response = client.get(URL, {"figure": "exits", **YEAR})
    assert [p.pk for p in response.context["pathways"]] == [pathways[1].pk]
    assert response.context["hidden"] == 1
    client.force_login(member(Role.DIRECTOR))
    assert len(client.get(URL, {"figure": "exits", **YEAR}).context["pathways"]) == 2


def test_an_unknown_figure_answers_404(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    assert client.get(URL, {"figure": "nonsense"}).status_code == 404


def test_only_the_structure_s_own_people_are_listed(client, structure, member, pathways):
    client.force_login(member(Role.CASE_MANAGER))
    response = client.get(URL, YEAR)
    assert all(p.structure_id == structure.id for p in response.context["pathways"])


def test_a_job_coach_is_refused(client, structure, member):
    client.force_login(member(Role.JOB_COACH))
    assert client.get(URL).status_code == 403


def test_the_administration_does_not_list_who_counts_in_an_eligibility_criterion(client, structure, member, pathways):
    client.force_login(member(Role.ADMIN))
    response = client.get(URL, {"figure": "criterion:rsa", **YEAR})
    assert response.status_code == 200
    assert response.context["pathways"] == []
