"""The pure scoring, one factor at a time: no database."""

import pytest

from tremplin.matching import scoring
from tremplin.matching.scoring import OfferFacts, PersonFacts, TargetJobFacts

LILLE = (50.6292, 3.0573)
ROUBAIX = (50.6942, 3.1746)  # about 11 km from Lille
PARIS = (48.8566, 2.3522)


def person(**fields) -> PersonFacts:
    defaults = {"key": 1, "target_jobs": [TargetJobFacts("A1203", "Jardinier", confirmed=True)], "competences": {}}
    defaults.update(fields)
    return PersonFacts(**defaults)


def offer(**fields) -> OfferFacts:
    defaults = {"key": 10, "job_code": "A1203", "postcode": "59000", "latitude": LILLE[0], "longitude": LILLE[1]}
    defaults.update(fields)
    return OfferFacts(**defaults)


def located(lat_lon=ROUBAIX, transport="public_transport", minutes=45, postcode="59100", **fields) -> PersonFacts:
    return person(
        has_mobility_profile=True,
        latitude=lat_lon[0],
        longitude=lat_lon[1],
        transport=transport,
        max_travel_minutes=minutes,
        home_postcode=postcode,
        **fields,
    )


# --- project -----------------------------------------------------------------------------------


def test_the_same_confirmed_job_scores_full_project_points():
    factor = scoring.project_factor(person(), offer())
    assert factor.points == scoring.PROJECT_POINTS
    assert "Même métier" in factor.explanation


def test_the_same_job_still_to_confirm_scores_a_little_less():
    factor = scoring.project_factor(person(target_jobs=[TargetJobFacts("A1203", "Jardinier")]), offer())
    assert 0 < factor.points < scoring.PROJECT_POINTS
    assert "à confirmer" in factor.explanation


def test_a_job_of_the_same_rome_family_scores_half():
    factor = scoring.project_factor(person(), offer(job_code="A1204"))
    assert factor.points == scoring.PROJECT_POINTS / 2
    assert "A12" in factor.explanation


def test_another_job_scores_nothing_and_says_which_jobs_are_aimed_at():
    factor = scoring.project_factor(person(), offer(job_code="K2204"))
    assert factor.points == 0
    assert "Jardinier" in factor.explanation


def test_without_a_project_the_factor_says_so():
    factor = scoring.project_factor(person(target_jobs=[]), offer())
    assert factor.points == 0
    assert "Aucun métier visé" in factor.explanation


# --- competences -------------------------------------------------------------------------------


def test_competences_count_the_share_acquired_and_name_the_missing_ones():
    facts = person(competences={"C1": 4, "C2": 1})
    factor, missing = scoring.competence_factor(facts, offer(required_competences=("C1", "C2")))
    assert factor.points == scoring.COMPETENCE_POINTS / 2
    assert missing == ["C2"]


def test_without_the_competence_grid_the_factor_is_left_out_and_said_so():
    factor, missing = scoring.competence_factor(person(competences=None), offer(required_competences=("C1",)))
    assert not factor.counted
    assert "grille de compétences n'est pas disponible" in factor.explanation
    assert missing == []


def test_an_offer_without_required_competences_does_not_count_the_factor():
    factor, _missing = scoring.competence_factor(person(competences={"C1": 5}), offer())
    assert not factor.counted


# --- travel ------------------------------------------------------------------------------------


def test_distance_is_the_great_circle_distance():
    assert scoring.distance_km(*LILLE, *PARIS) == pytest.approx(204, abs=3)


def test_travel_time_uses_the_detour_factor_and_the_speed_of_the_mode():
    assert scoring.travel_minutes(10, "car") == pytest.approx(10 * 1.3 / 35 * 60)
    assert scoring.travel_minutes(10, "public_transport") == pytest.approx(10 * 1.3 / 18 * 60 + 5)


def test_a_short_trip_scores_full_travel_points():
    factor, flag = scoring.travel_factor(located(transport="car", minutes=60), offer())
    assert factor.points == scoring.TRAVEL_POINTS
    assert flag is None


def test_a_trip_near_the_maximum_scores_less():
    factor, flag = scoring.travel_factor(located(transport="bike", minutes=70), offer())
    assert 10 <= factor.points < scoring.TRAVEL_POINTS
    assert flag is None


def test_a_trip_beyond_the_maximum_scores_nothing_and_is_flagged_not_hidden():
    factor, flag = scoring.travel_factor(located(transport="walk", minutes=30), offer())
    assert factor.points == 0
    assert flag is not None and not flag.blocking
    assert "au-delà du maximum de 30 min" in flag.message


def test_the_distance_is_written_the_way_the_reader_writes_numbers():
    from django.utils import translation

    with translation.override("fr"):
        factor, _flag = scoring.travel_factor(located(transport="car", minutes=60), offer(distance_km=11.24))
        assert "(11,2 km)" in factor.explanation
    with translation.override("en"):
        factor, _flag = scoring.travel_factor(located(transport="car", minutes=60), offer(distance_km=11.24))
        assert "(11.2 km)" in factor.explanation


def test_without_a_mobility_profile_travel_is_not_counted():
    factor, _flag = scoring.travel_factor(person(), offer())
    assert not factor.counted
    assert "mobilité" in factor.explanation


def test_same_postcode_without_coordinates_counts_as_close():
    facts = located(postcode="59000")
    facts.latitude = facts.longitude = None
    factor, _flag = scoring.travel_factor(facts, offer(latitude=None, longitude=None))
    assert factor.counted and factor.points == scoring.TRAVEL_POINTS


def test_unlocated_places_leave_travel_out():
    factor, _flag = scoring.travel_factor(located(), offer(latitude=None, longitude=None, postcode="62000"))
    assert not factor.counted


# --- hard constraints --------------------------------------------------------------------------


def test_no_licence_excludes_an_offer_that_requires_it():
    found = scoring.hard_constraints(person(driving_licence="none"), offer(driving_licence_required=True))
    assert [(c.code, c.blocking) for c in found] == [("driving_licence", True)]


def test_a_licence_in_progress_is_flagged_not_excluded():
    found = scoring.hard_constraints(person(driving_licence="in_progress"), offer(driving_licence_required=True))
    assert [(c.code, c.blocking) for c in found] == [("driving_licence", False)]


def test_a_licence_holder_passes():
    assert scoring.hard_constraints(person(driving_licence="B"), offer(driving_licence_required=True)) == []


def test_no_vehicle_excludes_an_offer_that_requires_one():
    found = scoring.hard_constraints(person(driving_licence="B"), offer(vehicle_required=True))
    assert [c.code for c in found if c.blocking] == ["vehicle"]


def test_childcare_barrier_excludes_night_early_and_weekend_shifts_only():
    facts = person(childcare_barrier=True)
    night = scoring.hard_constraints(facts, offer(shifts=frozenset({"night", "day"})))
    assert [(c.code, c.blocking) for c in night] == [("childcare_shifts", True)]
    assert "de nuit" in night[0].message
    assert scoring.hard_constraints(facts, offer(shifts=frozenset({"day"}))) == []
    assert scoring.hard_constraints(person(), offer(shifts=frozenset({"night"}))) == []


def test_french_below_the_required_level_excludes_and_unknown_level_is_flagged():
    below = scoring.hard_constraints(person(french_level="A1"), offer(french_level_required="B1"))
    assert [(c.code, c.blocking) for c in below] == [("french_level", True)]
    unknown = scoring.hard_constraints(person(french_level=""), offer(french_level_required="B1"))
    assert [(c.code, c.blocking) for c in unknown] == [("french_level", False)]
    assert scoring.hard_constraints(person(french_level="native"), offer(french_level_required="B1")) == []


def test_an_offer_set_aside_by_the_team_is_excluded_with_its_reason():
    found = scoring.hard_constraints(person(not_relevant={10: "Horaires incompatibles"}), offer())
    assert found[0].blocking
    assert "Horaires incompatibles" in found[0].message


# --- the match ---------------------------------------------------------------------------------


def test_the_score_is_over_the_factors_that_could_be_computed():
    result = scoring.match(person(competences=None), offer())
    # Project full, competences left out, travel left out: 40 / 40.
    assert result.score == 100
    assert [f.counted for f in result.factors] == [True, False, False]


def test_a_match_lists_what_is_missing():
    result = scoring.match(
        located(competences={"C1": 4}, driving_licence="in_progress"),
        offer(job_code="K2204", required_competences=("C1", "C9"), driving_licence_required=True),
    )
    assert not result.excluded
    assert "un métier visé correspondant" in result.missing
    assert any("C9" in item for item in result.missing)
    assert any("permis" in item for item in result.missing)


def test_rank_orders_by_score_and_keeps_excluded_apart():
    facts = located(driving_licence="none")
    good = offer(key=1)
    related = offer(key=2, job_code="A1204")
    blocked = offer(key=3, driving_licence_required=True)
    ranked, excluded = scoring.rank([scoring.match(facts, o) for o in (related, blocked, good)])
    assert [m.offer_key for m in ranked] == [1, 2]
    assert [m.offer_key for m in excluded] == [3]
    assert excluded[0].score > 0  # the score without the constraint is still shown


def test_the_quick_scorers_always_agree_with_the_explained_match():
    import random

    rng = random.Random(7)
    codes = ["A1203", "A1204", "A1414", "K2204", "K2202", "N1103"]
    for _ in range(600):
        facts = person(
            target_jobs=[
                TargetJobFacts(rng.choice(codes), "x", confirmed=rng.random() < 0.5) for _k in range(rng.randrange(3))
            ],
            competences=rng.choice([None, {}, {"C1": 4, "C2": 2}, {"C1": 1, "C3": 5}]),
            has_mobility_profile=rng.random() < 0.8,
            latitude=rng.choice([None, 50.6 + rng.random() / 3]),
            longitude=3.0 + rng.random() / 3,
            home_postcode=rng.choice(["", "59000", "59100"]),
            transport=rng.choice(list(scoring.SPEED_KMH)),
            max_travel_minutes=rng.choice([10, 30, 60]),
            driving_licence=rng.choice(["none", "in_progress", "B", "other"]),
            has_vehicle=rng.random() < 0.5,
            french_level=rng.choice(["", *scoring.FRENCH_ORDER]),
            childcare_barrier=rng.random() < 0.3,
            not_relevant=rng.choice([{}, {10: "x"}]),
        )
        item = offer(
            job_code=rng.choice(codes),
            postcode=rng.choice(["59000", "59100", "62000"]),
            latitude=rng.choice([None, 50.6 + rng.random() / 3]),
            longitude=3.0 + rng.random() / 3,
            shifts=frozenset(rng.sample(["day", "early", "night", "weekend"], rng.randrange(3))),
            driving_licence_required=rng.random() < 0.3,
            vehicle_required=rng.random() < 0.2,
            french_level_required=rng.choice(["", "A1", "B1", "C1"]),
            required_competences=rng.choice([(), ("C1",), ("C1", "C2", "C3")]),
        )
        explained = scoring.match(facts, item)
        assert scoring.Scorer(facts).quick(item) == (explained.score, explained.excluded)
        assert scoring.OfferScorer(item).quick(facts) == (explained.score, explained.excluded)
