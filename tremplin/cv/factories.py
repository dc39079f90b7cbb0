import factory

from tremplin.people.factories import PersonFactory

from .models import CvDraft


class CvDraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CvDraft

    person = factory.SubFactory(PersonFactory)
    headline = "Agent·e d'entretien des espaces verts"
    summary = "Deux ans d'expérience en entretien d'espaces verts, à l'aise en équipe."
