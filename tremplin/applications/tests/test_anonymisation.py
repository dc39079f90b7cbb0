"""Anonymising a person clears what the job-search apps wrote about them (applications, immersions, CV)."""

import pytest
from django.utils import timezone

from tremplin.applications import services
from tremplin.applications.models import Application, ApplicationStatus, ApplicationStep
from tremplin.cv.factories import CvDraftFactory
from tremplin.cv.models import CvDraft
from tremplin.immersions.factories import ImmersionEvaluationFactory, ImmersionFactory
from tremplin.immersions.models import Immersion, ImmersionEvaluation
from tremplin.retention.services import anonymise_person

pytestmark = pytest.mark.django_db


def test_anonymisation_clears_the_free_text_and_the_history_but_keeps_the_steps(pathway, coach):
    application = services.record_application(
        pathway=pathway, by=coach, employer_name="Logistique", job_title="Cariste", employer_feedback="Trop lent"
    )
    services.move(application, to_status=ApplicationStatus.APPLIED, on=timezone.localdate(), by=coach, note="Stressé")
    immersion = ImmersionFactory(pathway=pathway, objective_details="Reprendre confiance après sa maladie")
    ImmersionEvaluationFactory(immersion=immersion, person_view="Difficile", tutor_view="Fatigué")
    CvDraftFactory(person=pathway.person)

    anonymise_person(pathway.person, timezone.localdate())

    application.refresh_from_db()
    assert (application.employer_feedback, application.status) == ("", ApplicationStatus.APPLIED)
    assert not ApplicationStep.objects.exclude(note="").exists()
    assert ApplicationStep.objects.count() == 2
    assert not Application.history.filter(pathway_id=pathway.pk).exists()
    assert Immersion.objects.get().objective_details == ""
    evaluation = ImmersionEvaluation.objects.get()
    assert (evaluation.person_view, evaluation.tutor_view, evaluation.conclusion) == ("", "", "project_confirmed")
    assert not ImmersionEvaluation.history.exists()
    assert not CvDraft.objects.exists()
    assert not CvDraft.history.exists()
