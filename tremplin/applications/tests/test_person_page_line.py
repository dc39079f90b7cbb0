"""The job-search line of each pathway on the person page: links only, no query."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Pathway

pytestmark = pytest.mark.django_db


def _render(caps):
    pathway = Pathway.objects.select_related("programme", "person").get(pk=PathwayFactory().pk)
    context = {"pathway": pathway, "person": pathway.person, "caps": caps, "forloop": {"first": True}}
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("applications/_pathway_applications.html", context)
    return html, len(queries.captured_queries)


def test_readers_of_all_files_get_applications_immersions_and_cv_without_a_query():
    html, queries = _render({"view_all_people": True})

    assert "Candidatures du parcours" in html and "Immersions du parcours" in html and "/cv/" in html
    assert queries == 0


def test_a_team_supervisor_gets_the_immersions_only():
    html, _queries = _render({"view_team_people": True})

    assert "Immersions du parcours" in html
    assert "Candidatures" not in html and "/cv/" not in html
