import hashlib

import factory

from .models import ImportedPerson, ImportRun, RunStatus


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    structure = factory.SubFactory("tremplin.structures.factories.StructureFactory")
    file_name = "reprise.csv"
    file_hash = factory.Sequence(lambda n: hashlib.sha256(str(n).encode()).hexdigest())
    headers = factory.LazyFunction(lambda: ["Nom", "Prénom", "Dispositif"])
    mapping = factory.LazyFunction(lambda: {"0": "last_name", "1": "first_name", "2": "programme"})
    status = RunStatus.REFUSED
    row_count = 1
    problems = factory.LazyFunction(
        lambda: [{"row": 2, "column": "Dispositif", "value": "XYZ", "message": "Dispositif inconnu."}]
    )
    problem_count = 1


class ImportedPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportedPerson

    run = factory.SubFactory(ImportRunFactory)
    person = factory.SubFactory("tremplin.people.factories.PersonFactory")
    row = 2
