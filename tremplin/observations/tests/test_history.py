from tremplin.audit.models import AccessLogEntry
from tremplin.observations.factories import AttendanceRecordFactory, ObservationFactory
from tremplin.observations.models import Observation
from tremplin.people.history import forget_history


def test_forget_history_removes_the_observations_history(team_pathway):
    observation = ObservationFactory(pathway=team_pathway)
    observation.text = "Corrigée"
    observation.save()
    assert Observation.history.filter(pathway_id=team_pathway.pk).count() == 2
    forget_history(team_pathway.person_id)
    assert not Observation.history.filter(pathway_id=team_pathway.pk).exists()


def test_creations_are_written_to_the_access_log(team_pathway):
    ObservationFactory(pathway=team_pathway)
    AttendanceRecordFactory(pathway=team_pathway)
    parts = set(
        AccessLogEntry.objects.filter(person_public_id=team_pathway.person.public_id).values_list("part", flat=True)
    )
    assert {"observations", "attendance"} <= parts
