import hashlib

import factory

from tremplin.people.factories import PersonFactory

from .models import Document, Kind, Visibility

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    person = factory.SubFactory(PersonFactory)
    structure = factory.LazyAttribute(lambda d: d.person.structure)
    kind = Kind.ELIGIBILITY_PROOF
    title = factory.Sequence(lambda n: f"Justificatif {n}")
    visibility = Visibility.WHOLE_TEAM
    content_type = "application/pdf"
    file = factory.django.FileField(data=PDF_BYTES, filename="justificatif.pdf")
    original_name = "justificatif.pdf"
    size = len(PDF_BYTES)
    sha256 = hashlib.sha256(PDF_BYTES).hexdigest()
