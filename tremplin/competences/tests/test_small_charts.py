"""With fewer than three competences, progress is drawn as bars (one session) or slopes (over sessions)."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tremplin.competences.factories import CompletedSessionFactory, ScoreFactory

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
POINTS = re.compile(r"^-?\d+\.\d,-?\d+\.\d( -?\d+\.\d,-?\d+\.\d)*$")
NUMERIC = ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "dy")


def _svg_numbers_are_locale_independent(svg: str) -> None:
    for name, value in re.findall(r"\s(" + "|".join(NUMERIC) + r')="([^"]*)"', svg):
        if name == "width" and value == "100%":
            continue
        assert NUMBER.match(value), f'{name}="{value}"'
    for value in re.findall(r'\spoints="([^"]*)"', svg):
        assert POINTS.match(value), value
    for value in re.findall(r'viewBox="([^"]*)"', svg):
        assert all(NUMBER.match(part) for part in value.split()), value


def _two_sessions(pathway, first, second):
    """Two completed sessions on French (oral) and numeracy; `first`/`second` are (self, coach) levels."""
    sessions = []
    for day, levels in ((datetime.date(2026, 9, 1), first), (datetime.date(2026, 11, 3), second)):
        session = CompletedSessionFactory(pathway=pathway, held_on=day)
        for position, (competence, (self_level, coach_level)) in enumerate(
            zip(_two_sessions.skills, levels, strict=True)
        ):
            ScoreFactory(
                session=session,
                competence=competence,
                position=position,
                self_level=self_level,
                coach_level=coach_level,
            )
        sessions.append(session)
    return sessions


@pytest.fixture
def two_skills(basic_skills):
    _two_sessions.skills = [basic_skills["lang_fr_oral"], basic_skills["clea_numeracy"]]
    return _two_sessions.skills


def _svgs(page: str, css: str) -> list[str]:
    return re.findall(rf'<svg[^>]*class="{css}".*?</svg>', page, flags=re.S)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_progress_of_two_basic_skills_is_a_slope_chart_each(client, counsellor, team_pathway, two_skills, language):
    _two_sessions(team_pathway, [(2, 1), (1, 2)], [(4, 3), (3, 4)])
    client.force_login(counsellor)
    client.cookies["django_language"] = language

    page = client.get(reverse("competences:pathway", args=[team_pathway.public_id])).content.decode()

    slopes = _svgs(page, "slope-chart")
    assert len(slopes) == 2
    for svg in slopes:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        assert len(re.findall(r'class="slope-self" points="[^"]*"', svg)) == 1
        self_points = re.search(r'class="slope-self" points="([^"]*)"', svg).group(1).split()
        assert len(self_points) == 2  # one point per session
        _svg_numbers_are_locale_independent(svg)
    (french_oral,) = [svg for svg in slopes if "oral" in svg or "speaking" in svg]
    if language == "fr":
        assert "Français à l&#x27;oral (comprendre, parler) : niveaux séance après séance" in french_oral
        assert "Auto-évaluation : 01/09/2026 2/5, 03/11/2026 4/5" in french_oral
        assert "Accompagnant·e : 01/09/2026 1/5, 03/11/2026 3/5" in french_oral
    else:
        assert "French: listening and speaking" in french_oral
        assert "2/5" in french_oral and "4/5" in french_oral
    # The levels also stand in a table, and no radar is drawn for two competences.
    assert 'class="progression"' in page
    assert "radar-chart" not in page


def test_a_rising_level_is_drawn_higher(client, counsellor, team_pathway, two_skills):
    _two_sessions(team_pathway, [(0, 0), (0, 0)], [(5, 5), (5, 5)])
    client.force_login(counsellor)

    page = client.get(reverse("competences:pathway", args=[team_pathway.public_id])).content.decode()

    points = re.search(r'class="slope-coach" points="([^"]*)"', page).group(1).split()
    (x1, y1), (x2, y2) = (tuple(float(n) for n in p.split(",")) for p in points)
    assert x2 > x1 and y2 < y1  # SVG's y grows downwards: level 5 is above level 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_session_of_two_competences_shows_bars_self_against_coach(
    client, counsellor, team_pathway, two_skills, language
):
    session = _two_sessions(team_pathway, [(4, 2), (1, 3)], [(4, 2), (1, 3)])[0]
    client.force_login(counsellor)
    client.cookies["django_language"] = language

    page = client.get(reverse("competences:session", args=[session.public_id])).content.decode()

    (svg,) = _svgs(page, "bar-chart")
    assert len(re.findall(r'class="bar-self"', svg)) == 2
    assert len(re.findall(r'class="bar-coach"', svg)) == 2
    _svg_numbers_are_locale_independent(svg)
    widths = [float(w) for w in re.findall(r'class="bar-(?:self|coach)" x="[^"]*" y="[^"]*" width="([^"]*)"', svg)]
    assert widths[0] == 2 * widths[1]  # 4 against 2
    if language == "fr":
        assert "Auto-évaluation : Français à l&#x27;oral" in svg
    else:
        assert "Self-evaluation: French: listening and" in svg
    assert 'class="radar-data"' in page


def test_the_printed_programme_holds_the_slopes(team_pathway, two_skills):
    _two_sessions(team_pathway, [(2, 1), (1, 2)], [(4, 3), (3, 4)])

    with translation.override("fr"):
        html = render_to_string("competences/_pdf_progress.html", {"pathway": team_pathway})

    assert len(_svgs(html, "slope-chart")) == 2


def test_the_pathway_page_reads_the_same_number_of_queries_whatever_the_sessions(
    client, counsellor, team_pathway, two_skills, django_assert_max_num_queries
):
    _two_sessions(team_pathway, [(2, 1), (1, 2)], [(4, 3), (3, 4)])
    client.force_login(counsellor)
    url = reverse("competences:pathway", args=[team_pathway.public_id])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        client.get(url)
    _two_sessions(team_pathway, [(2, 2), (2, 2)], [(5, 5), (5, 5)])

    with django_assert_max_num_queries(len(two.captured_queries)):
        client.get(url)
