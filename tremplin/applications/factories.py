import factory
from django.utils import timezone

from tremplin.pathways.factories import PathwayFactory

from .models import Application, ApplicationStatus, ApplicationStep, Channel


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application sent today (no step row: use the services, or ApplicationStepFactory)."""

    class Meta:
        model = Application

    pathway = factory.SubFactory(PathwayFactory)
    employer_name = factory.Sequence(lambda n: f"Entreprise {n}")
    job_title = "Agent·e d'entretien des espaces verts"
    job_code = "A1203"
    channel = Channel.SPONTANEOUS
    status = ApplicationStatus.APPLIED
    status_on = factory.LazyFunction(timezone.localdate)


class ApplicationStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationStep

    application = factory.SubFactory(ApplicationFactory)
    from_status = ""
    to_status = factory.SelfAttribute("application.status")
    on = factory.SelfAttribute("application.status_on")
