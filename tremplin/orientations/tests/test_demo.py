"""The demo fills the directory, orientations in several statuses and a partner account with a shared pathway."""

import datetime

import pytest
from django.core.management import call_command

from tremplin.demo import builder
from tremplin.orientations.demo import PARTNER_EMAIL
from tremplin.orientations.models import Orientation, OrientationStatus
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partner_portal.services import shared_pathways
from tremplin.partners.models import PartnerOrganisation
from tremplin.structures.models import Country

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_directory_orientations_and_a_partner_account():
    call_command("load_demo", verbosity=0)
    for structure in builder.demo_structures():
        partners = PartnerOrganisation.objects.filter(structure=structure).count()
        assert partners == (12 if structure.country == Country.FRANCE else 0)
    statuses = set(Orientation.objects.values_list("status", flat=True))
    wanted = {
        OrientationStatus.SENT,
        OrientationStatus.APPOINTMENT_TAKEN,
        OrientationStatus.DONE,
        OrientationStatus.REFUSED,
    }
    assert wanted <= statuses
    account = PartnerAccount.objects.get(membership__user__email=PARTNER_EMAIL)
    assert shared_pathways(account).count() == 1
    assert Orientation.objects.filter(news_due_on__lt=datetime.date.today()).exists()  # one alert to show
