"""Uploaded files go when the person's file is anonymised: a scan of an ID card is identity."""

from django.dispatch import receiver

from tremplin.retention.signals import person_anonymised

from .models import Document
from .services import delete_document


@receiver(person_anonymised)
def delete_documents_of_anonymised_person(sender, person, **kwargs) -> None:
    for document in Document.objects.filter(person=person):
        delete_document(document)
