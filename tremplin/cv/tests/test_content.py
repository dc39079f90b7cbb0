import datetime

import pytest
from django.utils import timezone

from tremplin.competences.factories import CompetenceFactory, CompletedSessionFactory, ScoreFactory
from tremplin.contracts.factories import ContractFactory
from tremplin.cv.content import LIMITS, build_cv, candidates
from tremplin.cv.jsonresume import SCHEMA_URL, to_json_resume
from tremplin.cv.models import CvDraft
from tremplin.portfolio.factories import CertificationFactory, ExperienceFactory, TrainingFactory
from tremplin.portfolio.models import ExperienceKind

pytestmark = pytest.mark.django_db


def _keys(cv, section):
    return [item.key for name, _label, items in cv.sections if name == section for item in items]


def test_the_cv_gathers_the_file_and_leaves_out_what_does_not_belong(pathway):
    person = pathway.person
    job = ExperienceFactory(person=person, title="Vendeur")
    informal = ExperienceFactory(person=person, kind=ExperienceKind.INFORMAL, title="Réparation de vélos")
    ExperienceFactory(title="Someone else's")
    TrainingFactory(person=person)
    valid = CertificationFactory(person=person)
    CertificationFactory(person=person, expires_on=timezone.localdate() - datetime.timedelta(days=1), name="Expired")
    contract = ContractFactory(pathway=pathway, position="Agent de tri")
    session = CompletedSessionFactory(pathway=pathway)
    strong = CompetenceFactory(name="Travailler en équipe")
    ScoreFactory(session=session, competence=strong, coach_level=4)
    ScoreFactory(session=session, competence=CompetenceFactory(name="Faible"), coach_level=2)

    cv = build_cv(person)

    experiences = _keys(cv, "experience")
    assert f"contract:{contract.public_id}" in experiences
    assert f"experience:{job.public_id}" in experiences
    assert f"experience:{informal.public_id}" in experiences
    assert len(experiences) == 3
    assert _keys(cv, "certification") == [f"certification:{valid.public_id}"]
    assert _keys(cv, "competence") == [f"competence:{strong.key}"]
    assert len(_keys(cv, "training")) == 1


def test_the_draft_hides_and_orders_items(pathway):
    person = pathway.person
    first = ExperienceFactory(person=person, title="A", started_on=datetime.date(2015, 1, 1), ended_on=None)
    second = ExperienceFactory(person=person, title="B", started_on=datetime.date(2018, 1, 1), ended_on=None)
    third = ExperienceFactory(person=person, title="C", started_on=datetime.date(2020, 1, 1), ended_on=None)
    draft = CvDraft(
        person=person, hidden=[f"experience:{second.public_id}"], ranks={f"experience:{first.public_id}": 1}
    )

    cv = build_cv(person, draft)

    assert _keys(cv, "experience") == [f"experience:{first.public_id}", f"experience:{third.public_id}"]


def test_each_section_is_cut_to_fit_one_page(pathway):
    for index in range(LIMITS["experience"] + 3):
        ExperienceFactory(person=pathway.person, title=f"Poste {index}")

    cv = build_cv(pathway.person)

    assert len(_keys(cv, "experience")) == LIMITS["experience"]
    assert cv.left_out == {"experience": 3}
    assert len(candidates(pathway.person)["experience"]) == LIMITS["experience"] + 3


def test_the_json_resume_export_follows_the_schema_sections(pathway):
    person = pathway.person
    person.email, person.phone, person.city, person.languages = (
        "a@example.org",
        "0600000000",
        "Lille",
        "français, arabe",
    )
    person.save()
    ExperienceFactory(person=person, title="Vendeur", organisation="Épicerie")
    ExperienceFactory(person=person, kind=ExperienceKind.VOLUNTEERING, title="Aide aux devoirs", organisation="Asso")
    TrainingFactory(person=person, title="SST", organisation="AFPA")
    CertificationFactory(person=person, name="CACES R489")
    draft = CvDraft(person=person, headline="Magasinier", show_phone=False)

    data = to_json_resume(build_cv(person, draft))

    assert data["$schema"] == SCHEMA_URL
    assert data["basics"]["name"] == person.full_name
    assert data["basics"]["label"] == "Magasinier"
    assert data["basics"]["email"] == "a@example.org"
    assert "phone" not in data["basics"]
    assert data["basics"]["location"] == {"city": "Lille", "postalCode": person.postcode} or data["basics"][
        "location"
    ] == {"city": "Lille"}
    assert data["work"][0]["name"] == "Épicerie"
    assert data["work"][0]["position"] == "Vendeur"
    assert data["volunteer"][0]["organization"] == "Asso"
    assert data["education"][0] == {
        "institution": "AFPA",
        "area": "SST",
        "startDate": "2023-05-02",
        "endDate": "2023-05-03",
    }
    assert data["certificates"][0]["name"] == "CACES R489"
    assert data["languages"] == [{"language": "français"}, {"language": "arabe"}]
    assert data["meta"]["version"] == "v1.0.0"


def test_the_json_resume_export_is_valid_against_the_official_schema(pathway):
    """The schema comes from the npm registry (package "resume-schema", see package.json), never copied here."""
    import json
    from pathlib import Path

    import jsonschema
    from django.conf import settings

    schema_path = Path(settings.BASE_DIR) / "node_modules" / "resume-schema" / "schema.json"
    if not schema_path.exists():
        pytest.fail("The JSON Resume schema is not installed: run `npm install` (make test does it).")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    person = pathway.person
    person.email, person.city, person.languages = "a@example.org", "Lille", "français"
    person.save()
    ExperienceFactory(person=person, title="Vendeur", organisation="Épicerie", description="Mise en rayon.")
    ExperienceFactory(person=person, kind=ExperienceKind.FAMILY, title="Parent au foyer", started_on=None)
    TrainingFactory(person=person)
    CertificationFactory(person=person)
    ContractFactory(pathway=pathway, position="Agent de tri")

    data = to_json_resume(build_cv(person, CvDraft(person=person, headline="Agent de tri", summary="Motivé.")))

    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(str(error.message) for error in validator.iter_errors(data))
    assert errors == []
