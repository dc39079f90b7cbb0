import factory
from django.utils import timezone

from tremplin.structures.factories import StructureFactory

from .models import Connection, Outcome, SyncRecord, SyncRun


class ConnectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Connection

    structure = factory.SubFactory(StructureFactory, siret="73282932000074")
    base_url = "http://127.0.0.1:9/"
    username = "employeur@example.org"

    @factory.post_generation
    def token(obj, create, extracted, **kwargs):
        obj.set_token(extracted or "0" * 40)
        if create:
            obj.save()


class SyncRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SyncRun

    structure = factory.SubFactory(StructureFactory)
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)
    status = "finished"


class SyncRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SyncRecord

    run = factory.SubFactory(SyncRunFactory)
    siret = "73282932000074"
    pass_iae = factory.Sequence(lambda n: f"99999{n:07d}")
    full_name = "Camille Salarie"
    outcome = Outcome.TO_LINK
