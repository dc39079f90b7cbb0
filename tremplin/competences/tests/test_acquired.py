import datetime

import pytest

from tremplin.competences.catalogue import load_soft_skills
from tremplin.competences.factories import (
    CompetenceFactory,
    CompletedSessionFactory,
    EvaluationSessionFactory,
    OwnCompetenceFactory,
    ScoreFactory,
    TechnicalCompetenceFactory,
)
from tremplin.competences.models import Competence
from tremplin.competences.services import acquired_competences
from tremplin.pathways.factories import PathwayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue():
    load_soft_skills(Competence)


def test_it_keeps_the_coach_level_of_the_latest_completed_session_per_competence():
    pathway = PathwayFactory()
    soft = Competence.objects.get(kind="soft", code="punctuality")
    rome = TechnicalCompetenceFactory(code="120345")
    own = OwnCompetenceFactory(structure=pathway.structure)
    first = CompletedSessionFactory(pathway=pathway, held_on=datetime.date(2026, 1, 10))
    later = CompletedSessionFactory(pathway=pathway, held_on=datetime.date(2026, 4, 10))
    ScoreFactory(session=first, competence=soft, self_level=2, coach_level=1)
    ScoreFactory(session=first, competence=rome, self_level=3, coach_level=2)
    ScoreFactory(session=later, competence=soft, self_level=4, coach_level=4)
    ScoreFactory(session=later, competence=own, self_level=3, coach_level=3)

    assert acquired_competences(pathway.person) == {"soft:punctuality": 4, "120345": 2, f"own:{own.public_id}": 3}


def test_it_ignores_sessions_where_one_grid_is_missing():
    pathway = PathwayFactory()
    soft = Competence.objects.get(kind="soft", code="teamwork")
    pending = EvaluationSessionFactory(
        pathway=pathway, coach_completed_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    ScoreFactory(session=pending, competence=soft, coach_level=5)

    assert acquired_competences(pathway.person) == {}


def test_it_ignores_other_people():
    pathway = PathwayFactory()
    other = CompletedSessionFactory()
    ScoreFactory(session=other, competence=CompetenceFactory(), self_level=1, coach_level=1)

    assert acquired_competences(pathway.person) == {}
