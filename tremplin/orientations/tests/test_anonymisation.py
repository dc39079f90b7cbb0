import pytest
from django.utils import timezone

from tremplin.orientations.models import Orientation, OrientationStep, Share
from tremplin.orientations.services import orient
from tremplin.partner_portal.models import PartnerNote
from tremplin.retention.services import anonymise_person

pytestmark = pytest.mark.django_db


def test_anonymising_forgets_the_texts_and_ends_the_shares(pathway, service, counsellor):
    orientation = orient(
        pathway=pathway,
        service=service,
        reason="Hébergée chez sa sœur",
        shared_items=["status"],
        by=counsellor,
        record_consent=True,
        send=True,
    )
    PartnerNote.objects.create(pathway=pathway, organisation=service.organisation, text="Dossier DALO déposé")

    anonymise_person(pathway.person, timezone.localdate())

    orientation.refresh_from_db()
    assert orientation.reason == "" and orientation.status == "sent"
    assert not Orientation.history.filter(reason__contains="sœur").exists()
    assert not PartnerNote.objects.filter(text__contains="DALO").exists()
    assert not PartnerNote.history.filter(text__contains="DALO").exists()
    assert Share.objects.get().ended_on == timezone.localdate()
    assert OrientationStep.objects.filter(orientation=orientation).count() == 2
