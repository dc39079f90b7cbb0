"""The printed programme holds the follow-up: the intake, the interviews' results, the plan reviews and the
actions in the order agreed with the person (what the field's follow-up template asks for)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.action_plan.factories import ActionFactory, PlanReviewFactory
from tremplin.core.visibility import Visibility, visibilities_for
from tremplin.interviews.factories import InterviewFactory
from tremplin.interviews.models import Attendance, Kind
from tremplin.programme_documents.services import programme_context

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("programme_documents:programme_pdf", kwargs={"pathway_id": pathway.public_id})


@pytest.fixture
def followed(programme_pathway):
    today = timezone.localdate()
    InterviewFactory(
        pathway=programme_pathway,
        kind=Kind.INTAKE,
        planned_at=timezone.now() - datetime.timedelta(days=90),
        held_on=today - datetime.timedelta(days=90),
        attendance=Attendance.PRESENT,
        answers={"experience": "Six ans de maraîchage au Mali", "schedules": "Garde alternée le mercredi"},
        visibility=Visibility.WHOLE_TEAM,
    )
    InterviewFactory(
        pathway=programme_pathway,
        kind=Kind.INDIVIDUAL,
        channel="phone",
        planned_at=timezone.now() - datetime.timedelta(days=30),
        held_on=today - datetime.timedelta(days=30),
        attendance=Attendance.PRESENT,
        notes="Inscription au code de la route faite",
        visibility=Visibility.WHOLE_TEAM,
    )
    InterviewFactory(
        pathway=programme_pathway,
        kind=Kind.INDIVIDUAL,
        planned_at=timezone.now() - datetime.timedelta(days=10),
        held_on=today - datetime.timedelta(days=10),
        attendance=Attendance.PRESENT,
        notes="Parle de ses dettes de loyer",
        visibility=Visibility.SOCIAL_STAFF_ONLY,
    )
    PlanReviewFactory(
        plan=programme_pathway.action_plan,
        reviewed_on=today - datetime.timedelta(days=5),
        summary="Le permis avance, le CV est prêt",
        changes=["Action « Atelier CV » : faite"],
        restricted_changes=["Objectif « Solder la dette de loyer » : ajouté"],
    )
    return programme_pathway


def test_the_pdf_holds_the_intake_the_interview_results_and_the_reviews(client, followed, pdf_text):
    client.force_login(followed.counsellor)
    text = pdf_text(client.get(url(followed)).content)
    assert "Diagnostic d'accueil" in text
    assert "Six ans de maraîchage au Mali" in text
    assert "Entretiens de suivi et leurs résultats" in text
    assert "Inscription au code de la route faite" in text
    assert "(par téléphone)" in text
    assert "Parle de ses dettes de loyer" in text  # the social staff read their own notes
    assert "Revues du plan" in text
    assert "Le permis avance, le CV est prêt" in text
    assert "Solder la dette de loyer" in text
    assert text.index("Diagnostic d'accueil") < text.index("Projet professionnel")


def test_a_reader_outside_the_social_staff_gets_none_of_what_is_kept_for_it(followed):
    supervisor = Membership.objects.get(user=followed.team_supervisor)
    context = programme_context(followed, supervisor)
    assert [i.notes for i in context["held_interviews"]] == ["Inscription au code de la route faite"]
    assert [section.key for section, _rows in context["intake"].sections] != []
    answered = {q.key for _section, rows in context["intake"].sections for q, _answer in rows}
    assert "experience" in answered
    assert "schedules" not in answered  # the constraints section stays with the social staff
    [review] = context["reviews"]
    assert review.changes == ["Action « Atelier CV » : faite"]
    assert Visibility.SOCIAL_STAFF_ONLY not in visibilities_for(supervisor)


def test_without_intake_or_review_the_pdf_says_what_is_missing(client, programme_pathway, pdf_text):
    client.force_login(programme_pathway.counsellor)
    text = pdf_text(client.get(url(programme_pathway)).content)
    assert "L'entretien d'accueil n'est pas encore saisi." in text
    assert "Aucune revue du plan n'est encore faite." in text


def test_the_actions_are_printed_in_the_agreed_order(client, programme_pathway, pdf_text):
    plan = programme_pathway.action_plan
    plan.actions.all().delete()
    today = timezone.localdate()
    for title, position, days in (("Permis B", 1, 60), ("Bilan de santé", 2, 30), ("Atelier entretien", 3, 7)):
        ActionFactory(plan=plan, title=title, position=position, due_date=today + datetime.timedelta(days=days))
    client.force_login(programme_pathway.counsellor)
    text = pdf_text(client.get(url(programme_pathway)).content)
    assert text.index("Permis B") < text.index("Bilan de santé") < text.index("Atelier entretien")
