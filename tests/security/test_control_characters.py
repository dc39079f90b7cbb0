"""Control characters (NUL first) in a query string or a form never reach the database.

PostgreSQL refuses a NUL in any string, so `?q=%00` on a list whose view filters on `request.GET` directly
was a server error there. tremplin.core.middleware removes C0 control characters (except tab, line feed and
carriage return) from every query-string and form value before any view reads them.
"""

import pytest
from django.db import connection
from django.urls import reverse

from tests.security.access_rules import Expect
from tests.security.helpers import EXPECTED, build_structure
from tremplin.accounts.roles import Role
from tremplin.core.middleware import cleaned_query
from tremplin.employers.models import Company
from tremplin.job_offers.factories import JobOfferFactory

# Every list with a search box (views reading request.GET: grep 'GET.get(' and the filtersets), with the
# parameters each one reads.
SEARCH_PAGES = {
    "job_offers:list": {"q": "\x00", "statut": "\x00", "page": "\x00"},
    "employers:list": {"q": "\x00", "relation": "\x00", "page": "\x00"},
    "competences:rome_selection": {"q": "\x00", "job": "\x00"},
    "people:list": {"q": "\x00", "page": "\x00"},
    "partners:list": {"q": "\x00", "area": "\x00", "need": "\x00", "page": "\x00"},
    "audit:log": {"actor": "\x00", "person_id": "\x00", "action": "\x00", "page": "\x00"},
    "observations:inbox": {"category": "\x00", "pathway": "\x00", "page": "\x00"},
}


def _user_allowed(world: dict, expect: Expect):
    role = Role.DIRECTOR if Role.DIRECTOR in expect.allowed else sorted(expect.allowed)[0]
    return world["users"][role]


@pytest.fixture
def world(db):
    return build_structure("A")


@pytest.mark.parametrize("name", sorted(SEARCH_PAGES))
def test_a_nul_byte_in_a_search_box_gives_the_list_not_a_server_error(client, world, name):
    client.force_login(_user_allowed(world, EXPECTED[name]))

    response = client.get(reverse(name), SEARCH_PAGES[name])

    assert response.status_code == 200


@pytest.mark.postgres
def test_on_postgresql_the_offers_and_employers_searches_answer_a_nul_byte(client, world):
    """The review's finding: PostgreSQL refuses a NUL in a string literal, so these lists gave a server error."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")
    client.force_login(world["users"][Role.DIRECTOR])

    for name in ("job_offers:list", "employers:list"):
        assert client.get(reverse(name), {"q": "\x00"}).status_code == 200, name


def test_a_search_with_control_characters_finds_what_the_text_names(client, world):
    JobOfferFactory(structure=world["structure"], title="Maraîcher")
    client.force_login(world["users"][Role.DIRECTOR])

    found = client.get(reverse("job_offers:list"), {"q": "Mara\x00\x07îcher"}).content.decode()

    assert "Maraîcher" in found


def test_control_characters_typed_in_a_form_are_not_saved(client, world):
    client.force_login(world["users"][Role.DIRECTOR])
    before = set(Company.objects.values_list("pk", flat=True))

    response = client.post(
        reverse("employers:create"),
        {
            "name": "Boulangerie\x00 Dupont\x1b",
            "sector": "Alimentation",
            "size_band": "1-9",
            "notes": "Première ligne\r\n\tdeuxième\x0b ligne\x08",
        },
    )

    assert response.status_code == 302
    company = Company.objects.exclude(pk__in=before).get()
    assert company.name == "Boulangerie Dupont"
    assert company.notes == "Première ligne\r\n\tdeuxième ligne"


def test_cleaning_keeps_every_value_and_the_tab_and_line_breaks():
    from django.http import QueryDict

    query = QueryDict("a=1&a=x%00y&b%01=%09line%0D%0Abreak")

    cleaned = cleaned_query(query)

    assert cleaned.getlist("a") == ["1", "xy"]
    assert cleaned["b"] == "\tline\r\nbreak"
    assert not cleaned._mutable
    plain = QueryDict("a=1")
    assert cleaned_query(plain) is plain
