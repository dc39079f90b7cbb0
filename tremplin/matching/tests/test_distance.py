"""The database measures the distance between home and workplace for the rankings (on PostgreSQL and SQLite
alike), and the score a ranking shows is the score its explanation adds up to, both ways."""

import random

import pytest

from tremplin.job_offers.factories import JobOfferFactory
from tremplin.matching import scoring, services
from tremplin.matching.factories import MobilityProfileFactory
from tremplin.matching.models import MobilityProfile
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory

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


def test_each_person_ranked_for_an_offer_has_the_score_its_explanation_adds_up_to(coach, company):
    rng = random.Random(8)
    membership = coach.memberships.get()
    offer = JobOfferFactory(company=company, job_code="A1203", shifts=",early,", driving_licence_required=True)
    for _ in range(30):
        person = PersonFactory(structure=company.structure, driving_licence=rng.choice(["none", "B"]))
        pathway = PathwayFactory(person=person, status=Status.IN_CONTRACT)
        TargetJobFactory(pathway=pathway, job_code=rng.choice(["A1203", "A1204", "K2204"]))
        if rng.random() < 0.8:
            MobilityProfileFactory(
                person=person,
                latitude=rng.choice([None, 50.4 + rng.random() / 2]),
                longitude=2.8 + rng.random() / 2,
                home_postcode=rng.choice(["59000", "59100"]),
                max_travel_minutes=rng.choice([20, 45, 90]),
            )

    ranking = services.rank_people_for(offer, membership)

    assert len(ranking.ranked) + len(ranking.excluded) == 30
    assert ranking.ranked and ranking.excluded
    for pathway_id, score in ranking.ranked + ranking.excluded:
        explained = scoring.match(ranking.facts(pathway_id), ranking.offer_for(pathway_id))
        assert (score, (pathway_id, score) in ranking.excluded) == (explained.score, explained.excluded)
        home = MobilityProfile.objects.filter(person__pathways=pathway_id).first()
        if home is not None and home.latitude is not None:
            expected = scoring.distance_km(home.latitude, home.longitude, offer.latitude, offer.longitude)
            assert ranking.offer_for(pathway_id).distance_km == pytest.approx(expected, rel=1e-9)
