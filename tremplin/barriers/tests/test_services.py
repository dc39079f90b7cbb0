import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tremplin.barriers import services
from tremplin.barriers.models import BarrierChange, BarrierDomain, BarrierStatus
from tremplin.core.visibility import Visibility
from tremplin.people.history import forget_history

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def test_identification_records_the_entry_state(team, identify):
    barrier = identify(team["pathway"], BarrierDomain.HOUSING, by=team["counsellor"], severity=3)
    change = barrier.changes.get()
    assert change.is_identification
    assert (change.to_status, change.to_severity) == (BarrierStatus.IDENTIFIED, 3)
    assert change.by == team["counsellor"]


@pytest.mark.parametrize(
    ("domain", "visibility"),
    [
        (BarrierDomain.HEALTH, Visibility.SOCIAL_STAFF_ONLY),
        (BarrierDomain.JUSTICE, Visibility.SOCIAL_STAFF_ONLY),
        (BarrierDomain.ADDICTIONS, Visibility.SOCIAL_STAFF_ONLY),
        (BarrierDomain.MOBILITY, Visibility.WHOLE_TEAM),
        (BarrierDomain.HOUSING, Visibility.WHOLE_TEAM),
    ],
)
def test_visibility_defaults_from_the_domain(team, identify, domain, visibility):
    assert identify(team["pathway"], domain).visibility == visibility


def test_a_chosen_visibility_wins_over_the_domain(team, identify):
    barrier = identify(team["pathway"], BarrierDomain.MOBILITY, visibility=Visibility.SOCIAL_STAFF_ONLY)
    assert barrier.visibility == Visibility.SOCIAL_STAFF_ONLY


def test_identification_cannot_be_dated_in_the_future(team, identify):
    with pytest.raises(ValidationError) as error:
        identify(team["pathway"], days_ago=-1)
    assert "identified_on" in error.value.message_dict


def test_update_barrier_records_a_dated_change(team, identify):
    barrier = identify(team["pathway"], by=team["counsellor"])
    on = TODAY() - datetime.timedelta(days=3)
    change = services.update_barrier(
        barrier,
        status=BarrierStatus.BEING_WORKED_ON,
        severity=1,
        note="  Permis financé  ",
        by=team["counsellor"],
        on=on,
    )
    barrier.refresh_from_db()
    assert (barrier.status, barrier.severity, barrier.status_changed_on) == (BarrierStatus.BEING_WORKED_ON, 1, on)
    assert (change.from_status, change.to_status, change.from_severity, change.to_severity) == (
        BarrierStatus.IDENTIFIED,
        BarrierStatus.BEING_WORKED_ON,
        2,
        1,
    )
    assert change.note == "Permis financé"


def test_a_severity_change_alone_keeps_the_status_date(team, identify):
    barrier = identify(team["pathway"])
    identified_on = barrier.status_changed_on
    services.update_barrier(barrier, status=barrier.status, severity=3, by=None, on=TODAY())
    barrier.refresh_from_db()
    assert barrier.severity == 3
    assert barrier.status_changed_on == identified_on


def test_update_barrier_refuses_a_change_that_changes_nothing(team, identify):
    barrier = identify(team["pathway"])
    with pytest.raises(ValidationError, match="Aucun changement à enregistrer"):
        services.update_barrier(barrier, status=barrier.status, severity=barrier.severity, by=None, on=TODAY())
    assert barrier.changes.count() == 1


def test_update_barrier_refuses_a_date_before_identification(team, identify):
    barrier = identify(team["pathway"], days_ago=10)
    with pytest.raises(ValidationError) as error:
        services.update_barrier(
            barrier, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY() - datetime.timedelta(days=11)
        )
    assert "on" in error.value.message_dict
    barrier.refresh_from_db()
    assert barrier.status == BarrierStatus.IDENTIFIED


def test_update_barrier_refuses_a_date_in_the_future(team, identify):
    barrier = identify(team["pathway"])
    with pytest.raises(ValidationError) as error:
        services.update_barrier(
            barrier, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY() + datetime.timedelta(days=1)
        )
    assert "futur" in error.value.message_dict["on"][0]


def test_a_lifted_barrier_leaves_the_ranking(team, identify):
    barrier = identify(team["pathway"])
    services.rank_barriers(team["pathway"], {barrier.pk: 1})
    services.update_barrier(barrier, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY())
    barrier.refresh_from_db()
    assert barrier.person_priority is None


def test_entry_and_current_compares_entry_with_now(team, identify):
    pathway = team["pathway"]
    lifted = identify(pathway, BarrierDomain.MOBILITY, severity=3, days_ago=60)
    services.update_barrier(
        lifted, status=BarrierStatus.BEING_WORKED_ON, severity=2, by=None, on=TODAY() - datetime.timedelta(days=30)
    )
    services.update_barrier(lifted, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY())
    identify(pathway, BarrierDomain.HOUSING, severity=1, days_ago=5)

    rows = services.entry_and_current(pathway)

    assert [
        (r.barrier.domain, r.entry_status, r.entry_severity, r.barrier.status, r.barrier.severity) for r in rows
    ] == [
        (BarrierDomain.MOBILITY, BarrierStatus.IDENTIFIED, 3, BarrierStatus.LIFTED, 0),
        (BarrierDomain.HOUSING, BarrierStatus.IDENTIFIED, 1, BarrierStatus.IDENTIFIED, 1),
    ]
    assert rows[0].was_lifted and len(rows[0].changes) == 3


def test_entry_and_current_filters_by_visibility(team, identify):
    identify(team["pathway"], BarrierDomain.HEALTH)
    identify(team["pathway"], BarrierDomain.MOBILITY)
    rows = services.entry_and_current(team["pathway"], visibilities={Visibility.WHOLE_TEAM})
    assert [r.barrier.domain for r in rows] == [BarrierDomain.MOBILITY]


def test_ranking_saves_ranks(team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    b = identify(team["pathway"], BarrierDomain.HOUSING)
    services.rank_barriers(team["pathway"], {a.pk: 2, b.pk: 1})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.person_priority, b.person_priority) == (2, 1)


def test_ranking_refuses_the_same_rank_twice(team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    b = identify(team["pathway"], BarrierDomain.HOUSING)
    with pytest.raises(ValidationError) as error:
        services.rank_barriers(team["pathway"], {a.pk: 1, b.pk: 1})
    message = error.value.message_dict[f"priority_{a.public_id}"][0]
    assert "rang 1" in message and "plusieurs freins" in message
    a.refresh_from_db()
    assert a.person_priority is None


def test_ranking_refuses_a_rank_beyond_the_number_of_active_barriers(team, identify):
    a = identify(team["pathway"], BarrierDomain.MOBILITY)
    with pytest.raises(ValidationError) as error:
        services.rank_barriers(team["pathway"], {a.pk: 2})
    assert "entre 1 et 1" in error.value.message_dict[f"priority_{a.public_id}"][0]


def test_ranking_refuses_a_lifted_barrier(team, identify):
    a = identify(team["pathway"])
    services.update_barrier(a, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY())
    with pytest.raises(ValidationError):
        services.rank_barriers(team["pathway"], {a.pk: 1})


def test_forget_history_forgets_barriers(team, identify):
    barrier = identify(team["pathway"])
    services.update_barrier(barrier, status=BarrierStatus.LIFTED, severity=0, by=None, on=TODAY())
    assert barrier.history.exists()
    forget_history(team["pathway"].person_id)
    assert not barrier.history.exists()


def test_changes_are_kept_in_order(team, identify):
    barrier = identify(team["pathway"], days_ago=20)
    services.update_barrier(barrier, status=BarrierStatus.PERSISTING, severity=3, by=None, on=TODAY())
    assert list(BarrierChange.objects.filter(barrier=barrier).values_list("to_status", flat=True)) == [
        BarrierStatus.IDENTIFIED,
        BarrierStatus.PERSISTING,
    ]
