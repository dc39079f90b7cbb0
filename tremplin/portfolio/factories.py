import datetime

import factory

from tremplin.people.factories import PersonFactory

from .models import Certification, Experience, ExperienceKind, Training


class ExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experience

    person = factory.SubFactory(PersonFactory)
    kind = ExperienceKind.JOB
    title = "Agent d'entretien des espaces verts"
    organisation = "Mairie de Roubaix"
    started_on = datetime.date(2019, 3, 1)
    ended_on = datetime.date(2020, 9, 30)


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    person = factory.SubFactory(PersonFactory)
    title = "Sauveteur secouriste du travail"
    organisation = "AFPA"
    started_on = datetime.date(2023, 5, 2)
    ended_on = datetime.date(2023, 5, 3)
    obtained = True


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    person = factory.SubFactory(PersonFactory)
    name = "Habilitation électrique B0"
    issuer = "Organisme agréé"
    obtained_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=200))
    expires_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=900))
