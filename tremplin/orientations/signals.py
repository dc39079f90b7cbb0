"""When a person is anonymised, the free text of their orientations and the partners' notes goes with their
identity, and nothing stays shared; dates, statuses and partners stay, for the structure's figures."""

from django.dispatch import receiver
from django.utils import timezone

from tremplin.retention.signals import person_anonymised

from .models import Orientation, OrientationStep, Share


@receiver(person_anonymised, dispatch_uid="orientations_person_anonymised")
def forget_orientation_texts(sender, person, **kwargs) -> None:
    from tremplin.partner_portal.models import PartnerNote

    orientations = Orientation.objects.filter(pathway__person=person)
    orientations.update(reason="", outcome="")
    Orientation.history.filter(pathway__person=person).update(reason="", outcome="")
    OrientationStep.objects.filter(orientation__pathway__person=person).update(note="")
    PartnerNote.objects.filter(pathway__person=person).update(text="")
    PartnerNote.history.filter(pathway__person=person).update(text="")
    Share.objects.filter(pathway__person=person, ended_on__isnull=True).update(ended_on=timezone.localdate())
