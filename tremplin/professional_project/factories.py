import factory

from tremplin.pathways.factories import PathwayFactory

from .models import TargetJob, TargetJobStatus


class TargetJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetJob

    pathway = factory.SubFactory(PathwayFactory)
    job_code = "A1203"
    title = "Jardinier·ère paysagiste"
    status = TargetJobStatus.TO_EXPLORE
