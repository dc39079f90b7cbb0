"""The database measures each offer's distance from home for the ranking (on PostgreSQL and SQLite alike),
and the score a person's ranking shows is the score its explanation adds up to."""

import random

import pytest

from tremplin.job_offers.factories import JobOfferFactory
from tremplin.matching import scoring, services
from tremplin.matching.models import MobilityProfile

pytestmark = pytest.mark.django_db


def test_the_database_measures_the_same_distance_as_the_explanation(coach, pathway, company):
    rng = random.Random(11)
    home = MobilityProfile.objects.get(person=pathway.person)
    for _ in range(25):
        JobOfferFactory(company=company, latitude=50.2 + rng.random(), longitude=2.5 + rng.random() * 1.5)
    far = JobOfferFactory(company=company, latitude=43.2965, longitude=5.3698)  # Marseille
    unlocated = JobOfferFactory(company=company, latitude=None, longitude=None)

    rows = services.offers_for_person(pathway, home=(home.latitude, home.longitude))

    measured = {row[0]: row[3] for row in rows}
    assert measured[unlocated.pk] is None
    assert 780 < measured[far.pk] < 850
    for offer in pathway.structure.job_offers.exclude(pk=unlocated.pk):
        expected = scoring.distance_km(home.latitude, home.longitude, offer.latitude, offer.longitude)
        assert measured[offer.pk] == pytest.approx(expected, rel=1e-9), offer.pk


def test_without_a_located_home_no_distance_is_measured(pathway):
    JobOfferFactory(company__structure=pathway.structure)

    rows = services.offers_for_person(pathway, home=None)

    assert [row[3] for row in rows] == [None]


def test_each_ranked_score_is_the_score_its_explanation_adds_up_to(coach, pathway, company):
    rng = random.Random(5)
    membership = coach.memberships.get()
    for _ in range(40):
        JobOfferFactory(
            company=company,
            job_code=rng.choice(["A1203", "A1204", "K2204"]),
            latitude=rng.choice([None, 50.4 + rng.random() / 2]),
            longitude=2.8 + rng.random() / 2,
            postcode=rng.choice(["59000", "59100"]),
            shifts=rng.choice([",day,", ",night,", ",early,weekend,"]),
            driving_licence_required=rng.random() < 0.2,
        )

    facts, ranked, excluded = services.score_offers(pathway, membership)

    assert len(ranked) + len(excluded) == 40
    for row, score in ranked + excluded:
        explained = scoring.match(facts, services.offer_facts(row))
        assert (score, (row, score) in excluded) == (explained.score, explained.excluded)
