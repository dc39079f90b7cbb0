"""The demo fills the directory, orientations in several statuses and a partner account with a shared pathway,
in under 3 seconds for these two steps."""

import datetime
import random
import time

import pytest
from django.core.management import call_command

from tremplin.accounts.models import User
from tremplin.demo import builder
from tremplin.orientations.demo import PARTNER_EMAIL
from tremplin.orientations.demo import populate as populate_orientations
from tremplin.orientations.models import Orientation, OrientationStatus
from tremplin.partner_portal.models import PartnerAccount
from tremplin.partner_portal.services import shared_pathways
from tremplin.partners.demo import populate as populate_partners
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

    # The two steps again, timed.
    Orientation.objects.all().delete()
    User.objects.filter(email=PARTNER_EMAIL).delete()
    PartnerOrganisation.objects.all().delete()
    result = builder.DemoResult(structures=list(builder.demo_structures()))
    started = time.monotonic()
    populate_partners(result, rng=random.Random(1), today=datetime.date.today())
    populate_orientations(result, rng=random.Random(1), today=datetime.date.today())
    assert time.monotonic() - started < 3
