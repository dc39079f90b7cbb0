"""The portfolio page: experiences, trainings, certifications with their expiry, recognised competences."""

import datetime

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.competences.catalogue import load_soft_skills
from tremplin.competences.factories import CompletedSessionFactory, EvidenceFactory, ScoreFactory
from tremplin.competences.models import Competence
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.portfolio.factories import CertificationFactory, ExperienceFactory, TrainingFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


def test_it_shows_every_part_with_expiry_flags(client, member, person):
    ExperienceFactory(person=person, kind="family", title="Organisation de la vie d'une famille de cinq")
    TrainingFactory(person=person, title="Permis CACES R489")
    CertificationFactory(person=person, name="Habilitation H0B0", expires_on=TODAY - datetime.timedelta(days=1))
    CertificationFactory(person=person, name="SST", expires_on=TODAY + datetime.timedelta(days=20))
    client.force_login(member(Role.COUNSELLOR))

    page = client.get(reverse("portfolio:person", args=[person.public_id])).content.decode()

    assert "Organisation de la vie d&#x27;une famille de cinq" in page
    assert "Vie familiale" in page
    assert "Permis CACES R489" in page
    assert 'class="expired"' in page and "expirée" in page
    assert 'class="expires-soon"' in page and "expire bientôt" in page
    assert AccessLogEntry.objects.filter(part="portfolio").exists()


def test_recognised_competences_come_from_completed_sessions_with_their_evidence(client, member, person):
    load_soft_skills(Competence)
    pathway = PathwayFactory(person=person, status=Status.IN_CONTRACT)
    session = CompletedSessionFactory(pathway=pathway)
    score = ScoreFactory(
        session=session, competence=Competence.objects.get(code="safety", kind="soft"), self_level=3, coach_level=4
    )
    EvidenceFactory(score=score, description="Porte toujours ses protections")
    client.force_login(member(Role.JOB_COACH))

    page = client.get(reverse("portfolio:person", args=[person.public_id])).content.decode()

    assert "Sécurité" in page and "4/5" in page
    assert "Porte toujours ses protections" in page


def test_an_editor_adds_edits_and_deletes_entries(client, member, person):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(
        reverse("portfolio:experience_create", args=[person.public_id]),
        {"kind": "volunteering", "title": "Maraude avec une association", "started_on": "2022-01-10"},
    )
    assert response.status_code == 302
    experience = person.experiences.get()

    client.post(
        reverse("portfolio:experience_edit", args=[experience.public_id]), {"kind": "abroad", "title": "Cueillette"}
    )
    experience.refresh_from_db()
    assert (experience.kind, experience.title) == ("abroad", "Cueillette")

    client.post(reverse("portfolio:experience_delete", args=[experience.public_id]))
    assert not person.experiences.exists()


def test_an_end_before_the_start_is_refused_by_name(client, member, person):
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(
        reverse("portfolio:certification_create", args=[person.public_id]),
        {"name": "SST", "obtained_on": "2024-05-01", "expires_on": "2023-05-01"},
    )

    assert "La date de fin doit être après la date de début." in response.content.decode()
    assert not person.certifications.exists()


def test_readers_cannot_edit(client, member, person):
    certification = CertificationFactory(person=person)
    client.force_login(member(Role.JOB_COACH))

    assert client.get(reverse("portfolio:person", args=[person.public_id])).status_code == 200
    assert client.get(reverse("portfolio:certification_edit", args=[certification.public_id])).status_code == 403
    assert client.post(reverse("portfolio:certification_delete", args=[certification.public_id])).status_code == 403
    assert person.certifications.exists()


def test_it_refuses_another_structures_person(client, member):
    other = PersonFactory()
    training = TrainingFactory(person=other)
    client.force_login(member(Role.DIRECTOR))

    assert client.get(reverse("portfolio:person", args=[other.public_id])).status_code == 404
    assert client.get(reverse("portfolio:training_edit", args=[training.public_id])).status_code == 404
    assert client.post(reverse("portfolio:training_delete", args=[training.public_id])).status_code == 404
    assert other.trainings.exists()


def test_a_supervisor_sees_only_their_teams_portfolios(client, member, person):
    supervisor = member(Role.SUPERVISOR)
    client.force_login(supervisor)
    assert client.get(reverse("portfolio:person", args=[person.public_id])).status_code == 404

    PathwayFactory(person=person, status=Status.IN_CONTRACT, supervisor=supervisor)
    assert client.get(reverse("portfolio:person", args=[person.public_id])).status_code == 200


def test_the_page_queries_do_not_grow_with_entries(client, member, person, django_assert_max_num_queries):
    client.force_login(member(Role.COUNSELLOR))
    url = reverse("portfolio:person", args=[person.public_id])
    ExperienceFactory(person=person)
    CertificationFactory(person=person)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(5):
        ExperienceFactory(person=person)
        TrainingFactory(person=person)
        CertificationFactory(person=person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
