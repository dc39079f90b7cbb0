"""Basic skills (CléA domains) and languages (CEFR) on the CV: each in a section of its own (issue 15)."""

import pytest
from django.urls import reverse

from tremplin.competences.factories import CompetenceFactory, CompletedSessionFactory, ScoreFactory
from tremplin.competences.models import Competence
from tremplin.cv.content import build_cv
from tremplin.cv.jsonresume import to_json_resume
from tremplin.cv.models import CvDraft

pytestmark = pytest.mark.django_db


def basic(code: str) -> Competence:
    return Competence.objects.get(structure=None, kind="basic", code=code)


def _titles(cv, section: str) -> list[str]:
    return [item.title for name, _label, items in cv.sections if name == section for item in items]


@pytest.fixture
def assessed(pathway):
    session = CompletedSessionFactory(pathway=pathway)
    for code, level in [
        ("clea_communication", 3),
        ("clea_numeracy", 2),
        ("lang_fr_oral", 3),
        ("lang_ar", 5),
        ("lang_en", 0),
    ]:
        ScoreFactory(session=session, competence=basic(code), coach_level=level)
    ScoreFactory(session=session, competence=CompetenceFactory(name="Tailler une haie"), coach_level=4)
    pathway.person.languages = "Arabe, Tigrigna"
    pathway.person.save()
    return pathway.person


def test_acquired_basic_skills_have_their_own_section_not_mixed_with_the_job_competences(assessed):
    cv = build_cv(assessed)
    assert _titles(cv, "basic") == [basic("clea_communication").display_name]  # level 2 is not acquired
    assert _titles(cv, "competence") == ["Tailler une haie"]


def test_languages_show_their_cefr_level_from_a1_and_the_hand_listed_ones_are_not_repeated(assessed):
    cv = build_cv(assessed)
    rows = [(i.title, i.kind_label) for n, _l, items in cv.sections if n == "language" for i in items]
    assert rows == [(basic("lang_ar").display_name, "C1"), (basic("lang_fr_oral").display_name, "B1")]
    assert cv.languages == ["Tigrigna"]


def test_the_preview_and_the_json_resume_show_both_sections(client, member, assessed):
    from tremplin.accounts.roles import Role

    CvDraft.objects.create(person=assessed)
    client.force_login(member(Role.JOB_COACH))
    html = client.get(reverse("cv:preview", args=[assessed.public_id])).content.decode()
    assert "Compétences de base" in html and "Langues" in html and "niveau B1" in html
    resume = to_json_resume(build_cv(assessed))
    assert {"language": basic("lang_ar").display_name, "fluency": "C1"} in resume["languages"]
    assert basic("clea_communication").display_name in [skill["name"] for skill in resume["skills"]]
