import factory

from tremplin.pathways.factories import PathwayFactory

from .models import AttendanceRecord, AttendanceStatus, Category, Observation


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    pathway = factory.SubFactory(PathwayFactory)
    category = Category.SKILLS
    text = "Prend des initiatives sur le désherbage."


class AttendanceRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceRecord

    pathway = factory.SubFactory(PathwayFactory)
    day = factory.Faker("past_date")
    status = AttendanceStatus.PRESENT
