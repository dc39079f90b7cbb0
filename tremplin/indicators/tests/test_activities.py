"""Immersions, trainings, certifications, badges, workshops and orientations of the period."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tremplin.badges.factories import AwardFactory
from tremplin.immersions.factories import ImmersionFactory
from tremplin.indicators.figures import Period
from tremplin.indicators.services import compute
from tremplin.orientations.factories import OrientationFactory
from tremplin.orientations.models import OrientationStatus
from tremplin.partners.models import PartnerKind
from tremplin.portfolio.factories import CertificationFactory, TrainingFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.workshops.factories import ParticipantFactory, WorkshopFactory
from tremplin.workshops.models import Attendance

from .builders import pathway_with_contract

pytestmark = pytest.mark.django_db


def test_activities_of_the_period_are_counted_once_each(structure):
    today = timezone.localdate()
    period = Period(today - datetime.timedelta(days=60), today)
    aci = ProgrammeFactory(structure=structure)
    first = pathway_with_contract(structure, aci, today - datetime.timedelta(days=100), today)
    # The same person on a second pathway: their training still counts once.
    second = pathway_with_contract(structure, aci, today - datetime.timedelta(days=90), today, person=first.person)
    ImmersionFactory(pathway=first, starts_on=today - datetime.timedelta(days=10))
    ImmersionFactory(pathway=first, starts_on=today - datetime.timedelta(days=90))  # before the period
    TrainingFactory(person=first.person, ended_on=today - datetime.timedelta(days=5), obtained=True)
    TrainingFactory(person=first.person, ended_on=today - datetime.timedelta(days=6), obtained=False)
    CertificationFactory(person=first.person, obtained_on=today - datetime.timedelta(days=3))
    AwardFactory(pathway=second)
    workshop = WorkshopFactory(structure=structure, date=today - datetime.timedelta(days=2))
    ParticipantFactory(workshop=workshop, pathway=first, attendance=Attendance.PRESENT)
    ParticipantFactory(workshop=workshop, pathway=second, attendance=Attendance.ABSENT)
    third = pathway_with_contract(structure, aci, today - datetime.timedelta(days=30), today)
    ParticipantFactory(workshop=workshop, pathway=third, attendance="")
    OrientationFactory(pathway=first, status=OrientationStatus.DONE, service__organisation__kind=PartnerKind.HOUSING)
    OrientationFactory(pathway=third, status=OrientationStatus.SENT, service__organisation__kind=PartnerKind.HOUSING)

    result = compute(structure, period)
    assert result["immersions"].value == 1
    assert (result["trainings"].value, result["trainings_obtained"].value) == (2, 1)
    assert result["trainings"].person_ids == {first.person_id}
    assert result["certifications"].value == 1
    assert result["badges"].pathway_ids == {second.pk}
    assert result["workshops"].value == 1
    assert result["workshop_invited"].value == 3
    assert (result["workshop_present"].value, result["workshop_present"].percent) == (1, Decimal("50.0"))
    assert result["orientations"].value == 2
    assert result["orientation:housing:done"].pathway_ids == {first.pk}
    assert result["orientation:housing:open"].value == 1
    assert result["orientation:housing:ended"].value == 0
