import factory

from tremplin.structures.factories import StructureFactory

from .models import Company, Contact, Interaction, InteractionKind, Site


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Entreprise {n}")
    sector = "Espaces verts"
    size_band = "10-49"
    relationships = ",hiring,"


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    company = factory.SubFactory(CompanyFactory)
    name = "Siège"
    address = "1 rue du Port"
    postcode = "59000"
    city = "Lille"
    latitude = 50.6292
    longitude = 3.0573


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    company = factory.SubFactory(CompanyFactory)
    first_name = "Nadia"
    last_name = factory.Sequence(lambda n: f"Contact{n}")
    job_title = "Responsable du recrutement"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    company = factory.SubFactory(CompanyFactory)
    kind = InteractionKind.CALL
    next_step = "Rappeler pour les offres du printemps"
