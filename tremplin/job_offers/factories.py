import datetime

import factory
from django.utils import timezone

from tremplin.employers.factories import CompanyFactory

from .models import ContractType, JobOffer, OfferImport, OfferStatus


class JobOfferFactory(factory.django.DjangoModelFactory):
    """An open offer whose company belongs to the offer's structure."""

    class Meta:
        model = JobOffer

    company = factory.SubFactory(CompanyFactory)
    structure = factory.SelfAttribute("company.structure")
    job_code = "A1203"
    title = "Jardinier·ère paysagiste"
    postcode = "59000"
    city = "Lille"
    latitude = 50.6292
    longitude = 3.0573
    contract_type = ContractType.FIXED_TERM
    duration_months = 6
    weekly_hours = 35
    shifts = ",day,"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = OfferStatus.OPEN


class OfferImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferImport

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    filename = "offres.csv"
    total_rows = 0
