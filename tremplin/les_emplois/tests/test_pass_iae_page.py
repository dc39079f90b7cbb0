import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind


@pytest.fixture
def pathway(french_structure, programme):
    return PathwayFactory(structure=french_structure, programme=programme, person__structure=french_structure)


def _post(client, pathway, **data):
    page = client.get(reverse("les_emplois:pass_iae", args=[pathway.public_id]))
    token = (
        page.context["form"]["concurrency_token"].value() if "concurrency_token" in page.context["form"].fields else ""
    )
    payload = {"pass_iae_number": "", "pass_iae_start": "", "pass_iae_end": "", "concurrency_token": token, **data}
    return client.post(reverse("les_emplois:pass_iae", args=[pathway.public_id]), payload)


def test_a_counsellor_enters_the_pass_shown_on_the_pathway_and_the_card(client, member, pathway):
    client.force_login(member(Role.COUNSELLOR))
    response = _post(
        client, pathway, pass_iae_number="9999 9001 2345", pass_iae_start="2026-09-01", pass_iae_end="2028-08-31"
    )
    assert response.status_code == 302, response.context["form"].errors
    pathway.refresh_from_db()
    assert (pathway.pass_iae_number, pathway.pass_iae_end) == ("999990012345", datetime.date(2028, 8, 31))
    page = client.get(reverse("people:detail", args=[pathway.person.public_id])).content.decode()
    assert "999990012345" in page
    card = client.get(reverse("les_emplois:pass_iae", args=[pathway.public_id])).content.decode()
    assert "PASS IAE 999990012345" in card


@pytest.mark.parametrize(
    "data, message",
    [
        ({"pass_iae_number": "12345"}, "12 caractères"),
        ({"pass_iae_number": "99999ABC2345"}, "que des chiffres"),
        ({"pass_iae_number": "999990012345", "pass_iae_start": "2026-09-01", "pass_iae_end": "2026-01-01"}, "précéder"),
        ({"pass_iae_start": "2026-09-01"}, "Indiquez le numéro"),
    ],
)
def test_bad_input_names_the_rule(client, member, pathway, data, message):
    client.force_login(member(Role.COUNSELLOR))
    response = _post(client, pathway, **data)
    assert response.status_code == 200 and message in response.content.decode()


def test_a_belgian_pathway_refuses_the_pass_with_a_message(client, db):
    from tremplin.accounts.factories import MembershipFactory

    structure = StructureFactory(kind=StructureKind.CPAS, postcode="1000")
    programme = ProgrammeFactory(structure=structure, kind=ProgrammeKind.BE_ARTICLE_60)
    pathway = PathwayFactory(structure=structure, programme=programme, person__structure=structure)
    user = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    client.force_login(user)
    assert (
        "ne concerne que les dispositifs français"
        in client.get(reverse("les_emplois:pass_iae", args=[pathway.public_id])).content.decode()
    )
    assert (
        client.post(
            reverse("les_emplois:pass_iae", args=[pathway.public_id]), {"pass_iae_number": "999990012345"}
        ).status_code
        == 400
    )


def test_a_pathway_of_another_structure_answers_404(client, member):
    other = PathwayFactory()
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(reverse("les_emplois:pass_iae", args=[other.public_id])).status_code == 404
