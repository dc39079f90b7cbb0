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
