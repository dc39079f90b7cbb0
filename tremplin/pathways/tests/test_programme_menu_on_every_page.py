"""The programme's person card and section menu on the pages reached from a section (issue 15, point 8):
immersion, orientation, evaluation session, portfolio, CV and matching; the current section is marked."""

import pytest
from django.urls import reverse

from tremplin.competences.factories import EvaluationSessionFactory
from tremplin.immersions.factories import ImmersionFactory
from tremplin.orientations.factories import OrientationFactory
from tremplin.pathways.access import current_pathway
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def pages(pathway) -> dict[str, tuple[str, str]]:
    """Page → (its URL, the section it belongs to)."""
    person = pathway.person.public_id
    return {
        "immersion": (reverse("immersions:detail", args=[ImmersionFactory(pathway=pathway).public_id]), "immersions"),
        "orientation": (
            reverse("orientations:detail", args=[OrientationFactory(pathway=pathway).public_id]),
            "orientations",
        ),
        "evaluation session": (
            reverse("competences:session", args=[EvaluationSessionFactory(pathway=pathway).public_id]),
            "competences",
        ),
        "portfolio": (reverse("portfolio:person", args=[person]), "portfolio"),
        "cv": (reverse("cv:edit", args=[person]), "cv"),
        "cv preview": (reverse("cv:preview", args=[person]), "cv"),
        "matching": (reverse("matching:person", args=[pathway.public_id]), "matching"),
        "mobility": (reverse("matching:mobility", args=[pathway.public_id]), "matching"),
    }


SECTION_URLS = {
    "immersions": lambda p: reverse("immersions:list", args=[p.public_id]),
    "orientations": lambda p: reverse("orientations:pathway", args=[p.public_id]),
    "competences": lambda p: reverse("competences:pathway", args=[p.public_id]),
    "portfolio": lambda p: reverse("portfolio:person", args=[p.person.public_id]),
    "cv": lambda p: reverse("cv:edit", args=[p.person.public_id]),
    "matching": lambda p: reverse("matching:person", args=[p.public_id]),
}


PAGES = ["immersion", "orientation", "evaluation session", "portfolio", "cv", "cv preview", "matching", "mobility"]


@pytest.mark.parametrize("page", PAGES)
def test_the_page_shows_the_person_card_and_the_menu_with_its_section_current(client, counsellor, pathway, page):
    url, section = pages(pathway)[page]
    client.force_login(counsellor)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="person-card"' in html and 'class="programme-nav"' in html
    assert f'<a href="{SECTION_URLS[section](pathway)}" aria-current="page">' in html
    assert html.count('aria-current="page"') == 1


@pytest.mark.parametrize("name", ["portfolio:person", "cv:edit"])
def test_a_person_without_a_pathway_in_progress_gets_the_card_without_the_menu(client, counsellor, structure, name):
    person = PersonFactory(structure=structure, first_name="Karim", last_name="Benali")
    client.force_login(counsellor)
    html = client.get(reverse(name, args=[person.public_id])).content.decode()
    assert 'class="person-card"' in html and "Aucun parcours en cours" in html
    assert 'class="programme-nav"' not in html


def test_the_current_pathway_is_the_latest_one_in_progress(pathway, programme, counsellor):
    from tremplin.pathways import services

    assert current_pathway(pathway.person) == pathway
    pathway.status = Status.CLOSED
    pathway.save()
    assert current_pathway(pathway.person) is None
    newer = services.open_pathway(person=pathway.person, programme=programme, by=counsellor, referent=counsellor)
    assert current_pathway(pathway.person) == newer
