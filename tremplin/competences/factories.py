import datetime

import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory

from .models import (
    Competence,
    CompetenceKind,
    CompetenceSelection,
    EvaluationSession,
    Evidence,
    EvidenceKind,
    Family,
    JobSelection,
    RomeAppellation,
    RomeJob,
    Score,
    SelfEvaluationLink,
)

LEVELS = [f"Niveau {n}" for n in range(6)]


class CompetenceFactory(factory.django.DjangoModelFactory):
    """A soft skill of the common catalogue unless told otherwise."""

    class Meta:
        model = Competence

    structure = None
    kind = CompetenceKind.SOFT
    code = factory.Sequence(lambda n: f"skill-{n}")
    family = Family.METHODOLOGICAL
    name = factory.Sequence(lambda n: f"Savoir-être {n}")
    name_en = factory.Sequence(lambda n: f"Soft skill {n}")
    description = "Ce que recouvre la compétence."
    levels = LEVELS


class TechnicalCompetenceFactory(CompetenceFactory):
    kind = CompetenceKind.TECHNICAL
    family = ""
    code = factory.Sequence(lambda n: f"{100000 + n}")
    name = factory.Sequence(lambda n: f"Tailler des haies {n}")
    levels = factory.LazyFunction(list)


class OwnCompetenceFactory(CompetenceFactory):
    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    kind = CompetenceKind.OWN
    family = ""
    code = factory.Sequence(lambda n: f"poste-{n}")
    name = factory.Sequence(lambda n: f"Utiliser la débroussailleuse en sécurité {n}")


class RomeJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RomeJob

    code = factory.Sequence(lambda n: f"A{1000 + n}")
    title = "Jardinerie"


class RomeAppellationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RomeAppellation

    code = factory.Sequence(lambda n: f"{10000 + n}")
    job = factory.SubFactory(RomeJobFactory)
    title = "Jardinier / Jardinière"


class JobSelectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobSelection

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    job = factory.SubFactory(RomeJobFactory)


class CompetenceSelectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetenceSelection

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    competence = factory.SubFactory(TechnicalCompetenceFactory)


class EvaluationSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationSession

    pathway = factory.SubFactory(PathwayFactory)
    held_on = factory.LazyFunction(datetime.date.today)


class CompletedSessionFactory(EvaluationSessionFactory):
    coach_completed_at = factory.LazyFunction(timezone.now)
    self_completed_at = factory.LazyFunction(timezone.now)
    self_mode = "face_to_face"


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    session = factory.SubFactory(EvaluationSessionFactory)
    competence = factory.SubFactory(CompetenceFactory)


class SelfEvaluationLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfEvaluationLink

    session = factory.SubFactory(EvaluationSessionFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    score = factory.SubFactory(ScoreFactory)
    kind = EvidenceKind.OBSERVATION
    description = "A taillé seul la haie du square, propre et en sécurité."
