import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.audit.checkpoints import FileCheckpointStore, write_checkpoints
from tremplin.audit.services import verify_chain

pytestmark = pytest.mark.django_db


def _lines(directory) -> list[dict]:
    return [json.loads(line) for line in (directory / "checkpoints.jsonl").read_text().splitlines()]


def test_the_command_appends_one_signed_line_per_chain(log_entries, checkpoint_dir, capsys):
    call_command("checkpoint_access_log")
    call_command("checkpoint_access_log")
    lines = _lines(checkpoint_dir)
    chain = log_entries[0].chain
    ours = [line for line in lines if line["chain"] == chain]
    assert len(ours) == 2
    assert ours[0]["sequence"] == log_entries[2].sequence and ours[0]["entry_hash"] == log_entries[2].entry_hash
    assert len(ours[0]["signature"]) == 64
    assert "chains checkpointed" in capsys.readouterr().out
    call_command("verify_access_log")
    assert "1 chains checked against 2 checkpoints" in capsys.readouterr().out


def test_a_checkpoint_with_a_forged_signature_is_reported(log_entries, checkpoint_dir):
    write_checkpoints()
    path = checkpoint_dir / "checkpoints.jsonl"
    forged = _lines(checkpoint_dir)[0] | {"sequence": 99}  # someone moving the recorded head without the key
    path.write_text(path.read_text() + json.dumps(forged) + "\n")
    report = verify_chain()
    assert (report.ok, report.reason) == (False, "signature")
    with pytest.raises(CommandError, match="signature"):
        call_command("verify_access_log")


def test_an_unreadable_checkpoint_line_is_reported_as_a_bad_signature(log_entries, checkpoint_dir):
    write_checkpoints()
    path = checkpoint_dir / "checkpoints.jsonl"
    path.write_text(path.read_text() + "{not json\n")
    assert verify_chain().reason == "signature"


def test_checkpoints_signed_with_another_key_do_not_verify(settings, log_entries, checkpoint_dir):
    settings.AUDIT_LOG_KEY = "a" * 40
    write_checkpoints()
    settings.AUDIT_LOG_KEY = ""
    assert all(not checkpoint.valid for checkpoint in FileCheckpointStore().read())


def test_the_store_is_only_appended_to(log_entries, checkpoint_dir):
    write_checkpoints()
    first = (checkpoint_dir / "checkpoints.jsonl").read_text()
    write_checkpoints()
    assert (checkpoint_dir / "checkpoints.jsonl").read_text().startswith(first)
