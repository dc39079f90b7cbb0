"""The indicators page: a year by default, a period and programme chosen, constant queries, charts with dots."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

from tremplin.accounts.roles import Role
from tremplin.exits.models import Outcome
from tremplin.indicators.charts import build_bars
from tremplin.programmes.factories import ProgrammeFactory

from .builders import add_exit, pathway_with_contract

pytestmark = pytest.mark.django_db
URL = reverse("indicators:page")


def _year_of_data(structure, programme, count: int) -> None:
    year = datetime.date.today().year - 1
    for index in range(count):
        pathway = pathway_with_contract(
            structure, programme, datetime.date(year, 1 + index % 6, 1), datetime.date(year, 12, 31)
        )
        add_exit(pathway, datetime.date(year, 7 + index % 6, 10), outcomes={1: Outcome.NEW_JOB})


def test_the_page_shows_the_current_year_by_default(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL)
    assert response.status_code == 200
    year = datetime.date.today().year
    assert response.context["result"].period.start == datetime.date(year, 1, 1)
    assert "Définition" in response.content.decode()


def test_a_figure_links_to_its_people_with_the_same_period(client, structure, member):
    aci = ProgrammeFactory(structure=structure)
    _year_of_data(structure, aci, 2)
    year = datetime.date.today().year - 1
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL, {"start": f"{year}-01-01", "end": f"{year}-12-31", "programme": str(aci.public_id)})
    page = response.content.decode()
    assert f"figure=supported&amp;start={year}-01-01&amp;end={year}-12-31&amp;programme={aci.public_id}" in page


def test_an_end_before_the_start_is_refused_on_the_end_field(client, structure, member):
    client.force_login(member(Role.DIRECTOR))
    response = client.get(URL, {"start": "2025-06-01", "end": "2025-01-01"})
    assert response.status_code == 200
    assert "La fin de la période doit être égale ou postérieure à son début." in response.context["form"].errors["end"]
    assert response.context["result"].period.start.year == datetime.date.today().year


@pytest.mark.parametrize("size", [2, 8])
def test_the_query_count_does_not_grow_with_the_data(client, structure, member, django_assert_num_queries, size):
    aci = ProgrammeFactory(structure=structure)
    _year_of_data(structure, aci, size)
    year = datetime.date.today().year - 1
    client.force_login(member(Role.DIRECTOR))
    with django_assert_num_queries(21):
        response = client.get(URL, {"start": f"{year}-01-01", "end": f"{year}-12-31"})
    assert response.context["result"]["supported"].value == size


@override_settings(LANGUAGE_CODE="fr")
def test_no_number_in_the_charts_is_written_with_a_comma(client, structure, member):
    aci = ProgrammeFactory(structure=structure)
    _year_of_data(structure, aci, 7)
    year = datetime.date.today().year - 1
    client.force_login(member(Role.DIRECTOR))
    with translation.override("fr"):
        page = client.get(URL, {"start": f"{year}-01-01", "end": f"{year}-12-31"}, HTTP_ACCEPT_LANGUAGE="fr").content
    svgs = re.findall(r'<svg[^>]*role="img".*?</svg>', page.decode(), flags=re.S)
    assert len(svgs) == 3  # no barrier recorded: that chart is not drawn, its empty table stays
    for svg in svgs:
        assert "<title" in svg and "<desc" in svg
        numbers = re.findall(r'(?:x|y|width|height|viewBox)="([^"]*)"', svg)
        assert numbers and not any("," in n for n in numbers), numbers


def test_a_fractional_coordinate_is_written_with_a_dot_in_french():
    chart = build_bars("test", "Titre", "Description", ["série"], [("un", [1]), ("onze", [11])])
    with translation.override("fr"):
        svg = render_to_string("indicators/_chart.html", {"chart": chart})
    assert 'width="33.6"' in svg  # 1 on an axis of 370 points for 11
    assert "33,6" not in svg


def test_a_counsellor_is_refused(client, structure, member):
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(URL).status_code == 403
