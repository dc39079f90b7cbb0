"""When a person is anonymised, the free text of their exit and follow-ups goes; codes and dates stay for the figures."""

import pytest
from django.utils import timezone

from tremplin.exits.factories import ExitFactory, FollowUpFactory
from tremplin.exits.models import Outcome
from tremplin.retention.services import anonymise_person

pytestmark = pytest.mark.django_db


def test_texts_go_codes_and_dates_stay():
    exit_record = ExitFactory(comment="Très émue au départ", destination="Paysages du Nord", job_title="Jardinière")
    follow_up = FollowUpFactory(exit=exit_record, outcome=Outcome.NEW_JOB, note="A changé d'employeur")
    other = FollowUpFactory(note="Autre personne", exit=ExitFactory())
    anonymise_person(exit_record.pathway.person, timezone.localdate())
    exit_record.refresh_from_db()
    follow_up.refresh_from_db()
    other.refresh_from_db()
    assert (exit_record.comment, exit_record.destination, exit_record.job_title) == ("", "", "")
    assert exit_record.category == "cdi" and exit_record.group == "lasting"
    assert follow_up.note == "" and follow_up.outcome == Outcome.NEW_JOB
    assert other.note == "Autre personne"
