import datetime

import factory

from tremplin.pathways.factories import PathwayFactory

from .models import CriterionProof, EligibilityDiagnosis


class EligibilityDiagnosisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EligibilityDiagnosis

    pathway = factory.SubFactory(PathwayFactory)
    made_on = factory.LazyFunction(datetime.date.today)
    is_eligible = True
    valid_until = factory.LazyAttribute(lambda o: o.made_on + datetime.timedelta(days=180))
    summary = "Éligible"


class CriterionProofFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionProof

    diagnosis = factory.SubFactory(EligibilityDiagnosisFactory)
    criterion_code = "rsa"
    criterion_label = "Bénéficiaire du RSA"
    level = 1
    proof_description = "attestation CAF"
    proof_date = factory.LazyFunction(datetime.date.today)
