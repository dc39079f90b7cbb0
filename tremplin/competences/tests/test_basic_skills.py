"""Basic skills: the seven CléA domains and languages on the CEFR scale, offered in every structure's sessions."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences.basic_skills import CLEA_DOMAINS, LANGUAGES, load_basic_skills
from tremplin.competences.factories import OwnCompetenceFactory
from tremplin.competences.forms import SessionForm
from tremplin.competences.models import Competence, CompetenceKind, EvaluationSession
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def test_the_catalogue_holds_the_seven_clea_domains_with_six_observable_levels_in_two_languages(basic_skills):
    clea = [c for c in basic_skills.values() if c.family == "clea"]

    assert len(clea) == 7
    assert {c.name for c in clea} >= {"Communiquer en français", "Calcul et raisonnement", "Environnement numérique"}
    assert all(len(c.levels) == 6 and len(c.levels_en) == 6 and c.name_en and c.description_en for c in clea)


def test_language_levels_state_their_cefr_level_from_not_yet_a1_to_c1(basic_skills):
    french = basic_skills["lang_fr_oral"]
    english = basic_skills["lang_en"]

    for competence in (french, english, basic_skills["lang_fr_written"]):
        assert competence.levels[0].startswith("Pas encore A1")
        assert [text[:2] for text in competence.levels[1:5]] == ["A1", "A2", "B1", "B2"]
        assert competence.levels[5].startswith("C1")
        assert competence.levels_en[3].startswith("B1")
    assert english.name == "Anglais" and "anglais" in english.description


def test_loading_the_catalogue_again_changes_nothing(basic_skills):
    before = Competence.objects.filter(kind=CompetenceKind.BASIC).count()

    count = load_basic_skills(Competence)

    assert count == before == len(CLEA_DOMAINS) + 2 + len(LANGUAGES)
    assert Competence.objects.filter(kind=CompetenceKind.BASIC).count() == before


def test_every_structure_evaluates_basic_skills_under_their_own_headings(basic_skills, soft_skills):
    structure = StructureFactory()
    form = SessionForm(structure=structure)

    groups = dict(form.competence_groups())

    assert basic_skills["clea_numeracy"] in form.fields["competences"].queryset
    assert list(groups) == [
        "Savoir-être professionnels",
        "Compétences de base (socle CléA)",
        "Langues (niveaux du CECRL)",
    ]
    languages = [choice.choice_label for choice in groups["Langues (niveaux du CECRL)"]]
    assert languages[:2] == ["Français à l'oral (comprendre, parler)", "Français à l'écrit (lire, écrire)"]
    assert "Anglais" in languages


def test_a_structure_own_language_is_listed_with_the_languages(basic_skills, structure):
    OwnCompetenceFactory(structure=structure, family="language", name="Soninké")

    groups = dict(SessionForm(structure=structure).competence_groups())

    assert "Soninké" in [choice.choice_label for choice in groups["Langues (niveaux du CECRL)"]]
    assert "Compétences propres à la structure" not in groups


def test_a_counsellor_opens_a_session_on_two_basic_skills(client, member, team_pathway, basic_skills):
    client.force_login(member(Role.COUNSELLOR))
    url = reverse("competences:session_create", args=[team_pathway.public_id])
    page = client.get(url).content.decode()
    assert "<legend>Compétences de base (socle CléA)</legend>" in page

    response = client.post(
        url,
        {
            "held_on": "2026-09-01",
            "moment": "entry",
            "competences": [basic_skills["lang_fr_oral"].pk, basic_skills["clea_numeracy"].pk],
        },
    )

    session = EvaluationSession.objects.get(pathway=team_pathway)
    assert response.status_code == 302
    assert {s.competence.code for s in session.scores.select_related("competence")} == {
        "lang_fr_oral",
        "clea_numeracy",
    }


def test_a_basic_skill_has_a_key_for_job_matching(basic_skills):
    assert basic_skills["lang_en"].key == "basic:lang_en"


def test_the_referential_shows_the_clea_domains_and_the_languages_in_french_and_english(client, member, basic_skills):
    client.force_login(member(Role.SUPERVISOR))
    page = client.get(reverse("competences:referential")).content.decode()
    assert "Calcul et raisonnement" in page
    assert "B1 : comprend l&#x27;essentiel d&#x27;une réunion d&#x27;équipe" in page

    client.cookies["django_language"] = "en"
    page = client.get(reverse("competences:referential"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Calculation and reasoning" in page
    assert "French: listening and speaking" in page
