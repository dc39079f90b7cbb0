import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.audit.models import AccessLogEntry
from tremplin.audit.services import log_event, retention_days, verify_chain
from tremplin.people.factories import PersonFactory

from .conftest import tamper

pytestmark = pytest.mark.django_db
START = datetime.datetime(2025, 1, 10, 9, tzinfo=datetime.UTC)


def test_verify_exits_0_when_intact(log_entries, capsys):
    call_command("verify_access_log")
    assert "intact" in capsys.readouterr().out


def test_verify_exits_1_with_the_first_broken_id(log_entries):
    tamper(log_entries[0], person_public_id=None)
    with pytest.raises(CommandError) as error:
        call_command("verify_access_log")
    assert error.value.returncode == 1
    assert f"id={log_entries[0].pk}" in str(error.value)


def _entries_over_time(structure, member):
    actor = member()
    with time_machine.travel(START, tick=False):
        person = PersonFactory(structure=structure)  # its "create" entry is logged at START too
    for days in (0, 100, 200, 300, 400):
        with time_machine.travel(START + datetime.timedelta(days=days), tick=False):
            log_event(actor=actor, structure=structure, person=person, part="person", action="read")
    return person


def test_purge_deletes_entries_older_than_the_retention_and_keeps_the_chain_verifiable(structure, member, settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 250
    _entries_over_time(structure, member)
    with time_machine.travel(START + datetime.timedelta(days=420), tick=False):
        cutoff = START + datetime.timedelta(days=420 - 250)
        last_gone = AccessLogEntry.objects.filter(at__lt=cutoff).order_by("-id").first()
        call_command("purge_access_log")

    assert not AccessLogEntry.objects.filter(at__lt=cutoff).exists()
    assert AccessLogEntry.objects.filter(action="read").count() == 3  # days 200, 300, 400
    purge = AccessLogEntry.objects.get(action="purge")
    assert purge.object_public_id == last_gone.entry_hash
    assert purge.detail.startswith("purged=")
    assert purge.screen == "commande purge_access_log"
    assert AccessLogEntry.objects.order_by("id").first().previous_hash == last_gone.entry_hash
    assert verify_chain().ok


def test_after_a_purge_a_removed_first_entry_is_still_detected(structure, member, settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 250
    _entries_over_time(structure, member)
    with time_machine.travel(START + datetime.timedelta(days=420), tick=False):
        call_command("purge_access_log")
    first = AccessLogEntry.objects.order_by("id").first()
    tamper(first, previous_hash="0" * 64)
    assert not verify_chain().ok


def test_purge_with_nothing_old_enough_changes_nothing(log_entries, capsys):
    before = AccessLogEntry.objects.count()
    call_command("purge_access_log")
    assert AccessLogEntry.objects.count() == before
    assert "Nothing older than 365 days" in capsys.readouterr().out


@pytest.mark.parametrize(("wanted", "used", "clamped"), [(30, 180, True), (400, 365, True), (200, 200, False)])
def test_the_retention_is_kept_within_the_cnil_range(settings, wanted, used, clamped):
    settings.AUDIT_LOG_RETENTION_DAYS = wanted
    assert retention_days() == (used, clamped)


def test_the_default_retention_is_one_year(settings):
    del settings.AUDIT_LOG_RETENTION_DAYS
    assert retention_days() == (365, False)


def test_purge_says_when_it_clamps_the_retention(settings, capsys):
    settings.AUDIT_LOG_RETENTION_DAYS = 30
    call_command("purge_access_log")
    assert "180 days used instead" in capsys.readouterr().err
