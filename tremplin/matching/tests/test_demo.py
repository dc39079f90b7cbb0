"""The demo fills the employer network, offers, mobility and one offer sent, in each structure."""

import pytest

from tremplin.demo import builder
from tremplin.employers.models import Company
from tremplin.job_offers.models import JobOffer
from tremplin.matching import demo
from tremplin.matching.models import MobilityProfile, SentOffer
from tremplin.pathways.models import Status


@pytest.mark.django_db
def test_the_demo_has_a_network_offers_mobility_and_an_offer_sent(monkeypatch):

    # Only this app's step: the others are tested in their apps (and may not be finished while this one is).
    monkeypatch.setattr(builder, "app_demo_steps", lambda: [demo.populate])
    result = builder.build_demo()

    structures = result.structures
    assert 13 <= Company.objects.filter(structure__in=structures).count() <= 20
    assert 35 <= JobOffer.objects.filter(structure__in=structures).count() <= 45
    for structure in structures:
        in_contract = MobilityProfile.objects.filter(
            person__pathways__structure=structure, person__pathways__status=Status.IN_CONTRACT
        )
        assert in_contract.exists(), structure.name
        assert SentOffer.objects.filter(pathway__structure=structure).count() == 1, structure.name
