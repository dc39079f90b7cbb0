"""Radar charts and the progression table: drawn on the server, accessible, also in the printed documents."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tremplin.competences.factories import CompletedSessionFactory, EvaluationSessionFactory, ScoreFactory
from tremplin.competences.progress import Series, build_radar, pathway_progression, session_radar

pytestmark = pytest.mark.django_db


def test_a_radar_puts_level_5_on_the_outer_ring_and_0_in_the_centre():
    radar = build_radar("t", ["a", "b", "c", "d"], [Series("s", [5, 0, 5, 0], "self")])

    assert radar.series[0].points.split() == ["180.0,60.0", "180.0,180.0", "180.0,300.0", "180.0,180.0"]
    assert len(radar.rings) == 5
    assert "a 5/5" in radar.description


def test_a_radar_of_fewer_than_three_competences_is_only_a_table():
    radar = build_radar("t", ["a", "b"], [Series("s", [1, 2], "self")])

    assert not radar.drawable
    assert radar.rows == [("a", [1]), ("b", [2])]


def test_no_radar_for_a_session_whose_grids_are_not_both_in(soft_skills):
    session = EvaluationSessionFactory()
    for c in soft_skills:
        ScoreFactory(session=session, competence=c, coach_level=3)

    assert session_radar(session) is None


def test_progression_compares_the_first_and_latest_completed_sessions(team_pathway, soft_skills):
    first = CompletedSessionFactory(pathway=team_pathway, held_on=datetime.date(2026, 1, 5))
    latest = CompletedSessionFactory(pathway=team_pathway, held_on=datetime.date(2026, 5, 5))
    pending = EvaluationSessionFactory(pathway=team_pathway, held_on=datetime.date(2026, 6, 5))
    for c in soft_skills:
        ScoreFactory(session=first, competence=c, self_level=2, coach_level=1)
        ScoreFactory(session=latest, competence=c, self_level=4, coach_level=4)
        ScoreFactory(session=pending, competence=c, coach_level=5)

    progression = pathway_progression(team_pathway)

    assert [s.pk for s in progression.sessions] == [first.pk, latest.pk]
    assert [s.values for s in progression.radar.series] == [[1, 1, 1], [4, 4, 4]]
    assert all(len(cells) == 2 for _c, cells in progression.rows)


def test_the_pathway_page_shows_the_radar_with_its_title_description_and_table(
    client, counsellor, team_pathway, soft_skills
):
    for day, level in ((datetime.date(2026, 1, 5), 1), (datetime.date(2026, 5, 5), 4)):
        session = CompletedSessionFactory(pathway=team_pathway, held_on=day)
        for c in soft_skills:
            ScoreFactory(session=session, competence=c, self_level=level, coach_level=level)
    client.force_login(counsellor)

    page = client.get(reverse("competences:pathway", args=[team_pathway.public_id])).content.decode()

    assert 'role="img"' in page
    assert '<title id="progress-radar-title">' in page
    assert '<desc id="progress-radar-desc">' in page
    assert 'class="radar-data"' in page
    assert 'class="progression"' in page


def test_the_printed_documents_include_the_radar_and_the_table(team_pathway, soft_skills):
    for day, level in ((datetime.date(2026, 1, 5), 1), (datetime.date(2026, 5, 5), 4)):
        session = CompletedSessionFactory(pathway=team_pathway, held_on=day)
        for c in soft_skills:
            ScoreFactory(session=session, competence=c, self_level=level, coach_level=level)

    html = render_to_string("competences/_pdf_progress.html", {"pathway": team_pathway})

    assert "<svg" in html and "radar-latest" in html
    assert 'class="progression"' in html


def test_the_programme_pdf_still_renders_with_the_competences(client, counsellor, team_pathway, soft_skills):
    session = CompletedSessionFactory(pathway=team_pathway)
    for c in soft_skills:
        ScoreFactory(session=session, competence=c, self_level=2, coach_level=3)
    client.force_login(counsellor)

    response = client.get(reverse("programme_documents:programme_pdf", args=[team_pathway.public_id]))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_exit_assessment_pdf_renders_with_the_competences(client, counsellor, team_pathway, soft_skills):
    session = CompletedSessionFactory(pathway=team_pathway)
    for c in soft_skills:
        ScoreFactory(session=session, competence=c, self_level=2, coach_level=3)
    client.force_login(counsellor)

    response = client.get(reverse("programme_documents:exit_assessment_pdf", args=[team_pathway.public_id]))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_person_page_links_to_the_competences_and_the_portfolio(client, counsellor, team_pathway):
    client.force_login(counsellor)

    page = client.get(reverse("people:detail", args=[team_pathway.person.public_id])).content.decode()

    assert reverse("competences:pathway", args=[team_pathway.public_id]) in page
    assert reverse("portfolio:person", args=[team_pathway.person.public_id]) in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_rendered_radar_writes_every_coordinate_with_a_dot_in_every_language(language):
    """French localisation writes 180,0: SVG would read two numbers and draw the spokes to a corner."""
    import re
    import xml.etree.ElementTree as ET

    from django.utils import translation

    radar = build_radar("t", ["a", "b", "c"], [Series("s", [5, 3, 1], "self"), Series("c", [2, 4, None], "coach")])
    with translation.override(language):
        svg = render_to_string("competences/_radar.html", {"radar": radar, "radar_id": "r"})
    root = ET.fromstring(svg[svg.index("<svg") : svg.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    numbers = []
    for line in root.iter(f"{ns}line"):
        numbers += [line.get(name) for name in ("x1", "y1", "x2", "y2")]
    for element in (*root.iter(f"{ns}circle"), *root.iter(f"{ns}text")):
        numbers += [element.get(name) for name in ("cx", "cy", "x", "y") if element.get(name)]
    for polygon in root.iter(f"{ns}polygon"):
        numbers += [n for pair in polygon.get("points").split() for n in pair.split(",")]
    assert numbers and all(re.fullmatch(r"-?\d+\.\d", n) for n in numbers), numbers
    # The outer end of the first spoke is straight above the centre, at level 5.
    first = next(root.iter(f"{ns}line"))
    assert (first.get("x1"), first.get("y1"), first.get("x2"), first.get("y2")) == ("180.0", "180.0", "180.0", "60.0")
    assert [t.text for t in root.iter(f"{ns}text")] == ["a", "b", "c"]
