import pytest

from tremplin.accounts.roles import Role
from tremplin.competences.catalogue import load_soft_skills
from tremplin.competences.factories import EvaluationSessionFactory, ScoreFactory
from tremplin.competences.models import Competence
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def team_pathway(structure, supervisor, counsellor):
    """A person in contract on the supervisor's team, followed by the counsellor."""
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Nadia", last_name="Ferhat"),
        status=Status.IN_CONTRACT,
        supervisor=supervisor,
        referent=counsellor,
    )


@pytest.fixture
def soft_skills(db):
    """Three soft skills of the default catalogue (loaded by the data migration; again here, after a flush)."""
    load_soft_skills(Competence)
    return list(Competence.objects.filter(kind="soft", code__in=["punctuality", "teamwork", "safety"]).order_by("code"))


@pytest.fixture
def session(team_pathway, supervisor, soft_skills):
    """An entry session on three soft skills, no grid filled yet."""
    session = EvaluationSessionFactory(pathway=team_pathway, coach=supervisor, moment="entry")
    for position, competence in enumerate(soft_skills):
        ScoreFactory(session=session, competence=competence, position=position)
    return session


def levels(competences, values) -> dict[str, int]:
    """POST data of a grid: one radio value per competence."""
    return {f"level-{c.public_id}": v for c, v in zip(competences, values, strict=True)}


@pytest.fixture
def basic_skills(db):
    """The default basic skills (CléA domains and languages), loaded again after a flush."""
    from tremplin.competences.basic_skills import load_basic_skills

    load_basic_skills(Competence)
    return {c.code: c for c in Competence.objects.filter(kind="basic", structure__isnull=True)}
