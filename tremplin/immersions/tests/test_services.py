import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.immersions import services
from tremplin.immersions.grid import BUILT_IN_GRID, GridItem, grid_for
from tremplin.immersions.models import Conclusion, GridSource, Immersion, ImmersionEvaluation, Objective
from tremplin.timeline.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db


def _fields(**overrides):
    start = timezone.localdate() - datetime.timedelta(days=3)
    values = {
        "host_name": "Jardins de Flandre",
        "job_title": "Jardinier",
        "tutor_name": "Paul Lefebvre",
        "starts_on": start,
        "ends_on": start + datetime.timedelta(days=13),
        "objective": Objective.DISCOVER_JOB,
    }
    values.update(overrides)
    return values


def test_an_immersion_within_a_month_has_no_warning(pathway, coach):
    immersion, warnings = services.record_immersion(pathway=pathway, by=coach, **_fields())

    assert warnings == []
    assert immersion.days == 14


def test_a_pmsmp_longer_than_a_month_is_recorded_with_a_warning(pathway, coach):
    start = datetime.date(2026, 3, 3)
    immersion, warnings = services.record_immersion(
        pathway=pathway, by=coach, **_fields(starts_on=start, ends_on=datetime.date(2026, 4, 10))
    )

    assert Immersion.objects.filter(pk=immersion.pk).exists()
    assert len(warnings) == 1
    assert "un mois au plus" in warnings[0]
    assert "02/04/2026" in warnings[0]


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"ends_on": timezone.localdate() - datetime.timedelta(days=10)}, "ends_on", "précéder le premier jour"),
        ({"tutor_name": " "}, "tutor_name", "désigne une personne"),
        ({"host_name": ""}, "host_name", "Entreprise d'accueil"),
        ({"job_code": "12345"}, "job_code", "quatre chiffres"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(pathway, coach, overrides, field, words):
    with pytest.raises(ValidationError) as error:
        services.record_immersion(pathway=pathway, by=coach, **_fields(**overrides))

    assert words in error.value.message_dict[field][0]
    assert not Immersion.objects.exists()


ITEMS = [GridItem("punctuality", "Ponctualité"), GridItem("teamwork", "Travail en équipe")]


def _evaluate(immersion, by, levels=None, **overrides):
    values = {
        "by": by,
        "evaluated_on": timezone.localdate(),
        "grid_source": GridSource.BUILT_IN,
        "items": ITEMS,
        "levels": levels
        if levels is not None
        else {"punctuality": {"person": 3, "tutor": 4, "counsellor": 4}, "teamwork": {"person": 2}},
        "conclusion": Conclusion.PROJECT_CONFIRMED,
    }
    values.update(overrides)
    return services.evaluate(immersion, **values)


def test_the_tripartite_evaluation_keeps_the_three_voices_and_goes_on_the_timeline(pathway, coach):
    immersion, _warnings = services.record_immersion(pathway=pathway, by=coach, **_fields())

    evaluation = _evaluate(immersion, coach)

    assert evaluation.scores[0] == {
        "key": "punctuality",
        "label": "Ponctualité",
        "person": 3,
        "tutor": 4,
        "counsellor": 4,
    }
    assert evaluation.scores[1]["tutor"] is None
    sentences = sorted(e.describe() for e in TimelineEvent.objects.filter(pathway=pathway, kind=EventKind.IMMERSION))
    assert sentences[0] == "Bilan d'immersion : projet professionnel confirmé"
    assert sentences[1].startswith("Immersion en entreprise du ")


def test_evaluating_again_corrects_the_same_evaluation(pathway, coach):
    immersion, _warnings = services.record_immersion(pathway=pathway, by=coach, **_fields())
    _evaluate(immersion, coach)
    _evaluate(immersion, coach, conclusion=Conclusion.HIRING_PROPOSED)

    assert ImmersionEvaluation.objects.get().conclusion == Conclusion.HIRING_PROPOSED


def test_an_evaluation_needs_the_three_voices(pathway, coach):
    immersion, _warnings = services.record_immersion(pathway=pathway, by=coach, **_fields())

    with pytest.raises(ValidationError) as error:
        _evaluate(immersion, coach, levels={"punctuality": {"person": 3, "counsellor": 4}})

    assert any("le tuteur" in message for message in error.value.messages)
    assert not ImmersionEvaluation.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"evaluated_on": timezone.localdate() + datetime.timedelta(days=1)}, "dans le futur"),
        ({"evaluated_on": timezone.localdate() - datetime.timedelta(days=30)}, "précéder le premier jour"),
        ({"levels": {"punctuality": {"person": 9, "tutor": 4, "counsellor": 4}}}, "de 0 à 5"),
        ({"levels": {"unknown": {"person": 1}}}, "ne fait pas partie de la grille"),
    ],
)
def test_bad_evaluations_are_refused(pathway, coach, overrides, words):
    immersion, _warnings = services.record_immersion(pathway=pathway, by=coach, **_fields())

    with pytest.raises(ValidationError) as error:
        _evaluate(immersion, coach, **overrides)

    assert any(words in message for message in error.value.messages)
    assert not ImmersionEvaluation.objects.exists()


def test_the_grid_is_the_competence_grid_when_there_is_one(structure):
    source, items = grid_for(structure)

    from tremplin.competences.models import Competence

    if Competence.objects.available_to(structure).filter(active=True).exists():
        assert source == GridSource.COMPETENCES
        assert all(item.key.startswith(("soft:", "own:")) for item in items)
    else:
        assert source == GridSource.BUILT_IN


def test_without_competences_the_built_in_grid_is_used(structure):
    from tremplin.competences.models import Competence

    Competence.objects.all().delete()

    source, items = grid_for(structure)

    assert source == GridSource.BUILT_IN
    assert [item.key for item in items] == [key for key, _label in BUILT_IN_GRID]
