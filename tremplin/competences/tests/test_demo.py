"""The demo gives some people an entry and a later evaluation, so the radar shows progress."""

import pytest

from tremplin.competences.models import EvaluationSession
from tremplin.competences.progress import pathway_progression
from tremplin.demo import builder


@pytest.mark.django_db
def test_the_demo_has_completed_sessions_with_a_progress_radar():
    result = builder.build_demo()

    for structure in result.structures:
        sessions = EvaluationSession.objects.filter(pathway__structure=structure)
        assert sessions.completed().count() >= 4, structure.name
        assert sessions.filter(self_completed_at__isnull=True).exists(), structure.name
        pathway = sessions.completed().filter(moment="mid").first().pathway
        assert pathway_progression(pathway).radar.drawable


@pytest.mark.django_db
def test_the_demo_follows_one_person_basic_skills_drawn_as_slopes():
    from tremplin.competences.basic_skills import load_basic_skills
    from tremplin.competences.models import Competence

    load_basic_skills(Competence)
    result = builder.build_demo()

    followed = EvaluationSession.objects.completed().filter(
        pathway__structure__in=result.structures, scores__competence__code="lang_fr_oral"
    )
    assert followed.exists()
    progression = pathway_progression(followed.first().pathway)
    assert len(progression.sessions) == 2
    assert len(progression.slopes) == 2
