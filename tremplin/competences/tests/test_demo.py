"""The demo gives some people an entry and a later evaluation, so the radar shows progress."""

import time

import pytest

from tremplin.competences import demo
from tremplin.competences.models import EvaluationSession
from tremplin.competences.progress import pathway_progression
from tremplin.demo import builder


@pytest.mark.django_db
def test_the_demo_has_completed_sessions_with_a_progress_radar(monkeypatch):
    seconds = {}
    steps = builder.app_demo_steps()

    def timed(result, **kwargs):
        start = time.perf_counter()
        demo.populate(result, **kwargs)
        seconds["competences"] = time.perf_counter() - start

    monkeypatch.setattr(builder, "app_demo_steps", lambda: [timed if s is demo.populate else s for s in steps])
    result = builder.build_demo()
    assert seconds["competences"] < 3

    for structure in result.structures:
        sessions = EvaluationSession.objects.filter(pathway__structure=structure)
        assert sessions.completed().count() >= 4, structure.name
        assert sessions.filter(self_completed_at__isnull=True).exists(), structure.name
        pathway = sessions.completed().filter(moment="mid").first().pathway
        assert pathway_progression(pathway).radar.drawable
