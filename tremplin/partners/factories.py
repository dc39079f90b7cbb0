import factory

from tremplin.structures.factories import StructureFactory

from .models import Network, PartnerContact, PartnerKind, PartnerOrganisation, PartnerService, ServiceNeed


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Réseau des structures {n}")


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = PartnerKind.HOUSING
    postcode = "59000"
    city = "Lille"
    department_codes = "59"
    phone = "03 20 00 00 00"


class PartnerServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerService
        skip_postgeneration_save = True

    organisation = factory.SubFactory(PartnerOrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if not create:
            return
        for domain in extracted if extracted is not None else ["housing"]:
            ServiceNeed.objects.create(service=self, domain=domain)


class ServiceNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceNeed

    service = factory.SubFactory(PartnerServiceFactory, needs=[])
    domain = "mobility"


class PartnerContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerContact

    organisation = factory.SubFactory(PartnerOrganisationFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    role = "Conseillère"
    phone = "03 20 11 22 33"
    email = factory.Sequence(lambda n: f"contact{n}@partenaire.example.org")
