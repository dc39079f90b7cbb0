import pytest

from tremplin.applications.models import Application, ApplicationStatus
from tremplin.cv.models import CvDraft
from tremplin.demo.builder import build_demo
from tremplin.immersions.models import ImmersionEvaluation

pytestmark = pytest.mark.django_db


def test_the_demo_shows_applications_at_each_step_an_evaluated_immersion_and_a_cv_draft():
    result = build_demo()

    for structure in result.structures:
        statuses = set(Application.objects.filter(pathway__structure=structure).values_list("status", flat=True))
        assert statuses == set(ApplicationStatus.values), structure
        assert ImmersionEvaluation.objects.filter(immersion__pathway__structure=structure).count() == 1
        assert CvDraft.objects.filter(person__structure=structure).count() == 1
    assert Application.objects.filter(sent_offer__isnull=False, status=ApplicationStatus.HIRED).exists()
