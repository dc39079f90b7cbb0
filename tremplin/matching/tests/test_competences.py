"""With the competence grid installed, both rankings read the same acquired competences."""

import pytest
from django.urls import reverse

comp = pytest.importorskip("tremplin.competences.factories")

pytestmark = pytest.mark.django_db


def test_acquired_and_missing_competences_are_shown_on_both_pages(client, coach, pathway, offer_for):
    soft = comp.CompetenceFactory(code="ponctualite")
    technical = comp.TechnicalCompetenceFactory(code="100123")
    session = comp.CompletedSessionFactory(pathway=pathway)
    comp.ScoreFactory(session=session, competence=soft, coach_level=4)
    comp.ScoreFactory(session=session, competence=technical, coach_level=1)
    offer = offer_for(required_competences=f"{soft.key}, {technical.key}")
    client.force_login(coach)

    for url in (
        reverse("matching:person", args=[pathway.public_id]),
        reverse("matching:offer", args=[offer.public_id]),
    ):
        response = client.get(url)
        row = response.context["rows"][0]
        factor = next(f for f in row.match.factors if f.code == "competences")
        assert factor.counted, url
        assert factor.points == 15, url
        assert any("100123" in item for item in row.match.missing), url
        assert "Compétences attendues acquises : 1 sur 2." in response.content.decode()
