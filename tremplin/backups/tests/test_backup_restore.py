"""Round trip of the backup and restore commands, run as an operator would: in subprocesses, on a real
SQLite file and on a throw-away PostgreSQL database, then comparing the data and the uploaded files."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")
PG_ADMIN_URL = os.environ.get("TREMPLIN_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432")

LOAD = """
from tremplin.accounts.factories import MembershipFactory
from tremplin.contracts.factories import ContractFactory
from tremplin.people.factories import PersonFactory
from tremplin.pathways.factories import PathwayFactory
membership = MembershipFactory(user__email="direction@example.org")
for first, last in [("Awa", "Diallo"), ("Karim", "Benali"), ("Léa", "Martin")]:
    person = PersonFactory(structure=membership.structure, first_name=first, last_name=last)
    ContractFactory(pathway=PathwayFactory(person=person), position=f"Maraîchage {first}")
"""

SNAPSHOT = """
import json
from tremplin.accounts.models import User
from tremplin.contracts.models import Contract
from tremplin.pathways.models import Pathway
from tremplin.people.models import Person
print(json.dumps({
    "users": sorted(User.objects.values_list("email", flat=True)),
    "people": sorted([p.first_name, p.last_name, str(p.public_id), str(p.birth_date)] for p in Person.objects.all()),
    "pathways": sorted([str(p.public_id), p.status, str(p.person.public_id)] for p in Pathway.objects.all()),
    "contracts": sorted([c.position, str(c.start_date), str(c.weekly_hours)] for c in Contract.objects.all()),
}))
"""


# Every table of the access log's own database, whatever its tables and columns are (its design may change).
AUDIT_SNAPSHOT = """
import json
from django.db import connections
connection = connections["audit"]
tables = {}
with connection.cursor() as cursor:
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
        tables[table] = sorted(repr(row) for row in cursor.fetchall())
print(json.dumps(tables))
"""


class Site:
    """One installation: a database and its two file folders (and the access log's database, when apart)."""

    def __init__(self, root: Path, database_url: str, audit_database_url: str | None = None):
        self.media = root / "media"
        self.private = root / "private"
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "tremplin.backups.tests.roundtrip_settings",
            "TREMPLIN_TEST_MEDIA_ROOT": str(self.media),
            "TREMPLIN_TEST_PRIVATE_MEDIA_ROOT": str(self.private),
        }
        self.env.pop("AUDIT_DATABASE_URL", None)
        if audit_database_url:
            self.env["AUDIT_DATABASE_URL"] = audit_database_url

    def migrate(self) -> None:
        self.manage("migrate", "-v0")
        if "AUDIT_DATABASE_URL" in self.env:
            self.manage("migrate", "--database", "audit", "-v0")

    def audit_snapshot(self) -> dict:
        return json.loads(self.manage("shell", "-c", AUDIT_SNAPSHOT).stdout.strip().splitlines()[-1])

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def snapshot(self) -> dict:
        return json.loads(self.manage("shell", "-c", SNAPSHOT).stdout.strip().splitlines()[-1])


def _fill(site: Site) -> None:
    site.migrate()
    site.manage("shell", "-c", LOAD)
    (site.private / "documents").mkdir(parents=True)
    (site.private / "documents" / "justificatif.pdf").write_bytes(b"%PDF-1.4 attestation CAF\n")
    site.media.mkdir(parents=True)
    (site.media / "logo.txt").write_text("Tremplin")


def _round_trip(source: Site, target: Site, archive: Path, *, migrate_target: bool) -> None:
    _fill(source)
    source.manage("backup", "--output", str(archive))
    assert archive.is_file()
    assert archive.stat().st_mode & 0o077 == 0, "a backup holds personal data: readable by its owner only"
    if migrate_target:
        target.migrate()
    target.manage("restore", str(archive))
    before = source.snapshot()
    assert len(before["people"]) == 3 and len(before["contracts"]) == 3
    assert target.snapshot() == before
    assert (target.private / "documents" / "justificatif.pdf").read_bytes() == b"%PDF-1.4 attestation CAF\n"
    assert (target.media / "logo.txt").read_text() == "Tremplin"


def _corrupt(archive: Path, copy: Path) -> None:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))


def test_sqlite_round_trip_restores_the_data_and_files_and_refuses_a_damaged_archive(tmp_path):
    source = Site(tmp_path / "a", f"sqlite:///{tmp_path / 'a.sqlite3'}")
    target = Site(tmp_path / "b", f"sqlite:///{tmp_path / 'b.sqlite3'}")
    archive = tmp_path / "backup.tar.gz"
    _round_trip(source, target, archive, migrate_target=True)

    refused = source.manage("restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "already holds accounts or people" in refused.stderr

    damaged = tmp_path / "damaged.tar.gz"
    _corrupt(archive, damaged)
    empty = Site(tmp_path / "c", f"sqlite:///{tmp_path / 'c.sqlite3'}")
    result = empty.manage("restore", str(damaged), check=False)
    assert result.returncode != 0
    assert "damaged or has been altered" in result.stderr
    assert not (empty.private / "documents").exists()


def _pg_reachable() -> bool:
    try:
        result = subprocess.run(
            ["psql", f"{PG_ADMIN_URL}/postgres", "-Atc", "select 1"], capture_output=True, text=True, timeout=10
        )
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


@pytest.fixture
def pg_databases():
    """pg_databases(n): n new empty databases, dropped after the test."""
    if not _pg_reachable():
        pytest.skip("PostgreSQL is not reachable")
    names: list[str] = []

    def create(count: int) -> list[str]:
        made = [f"he_restore_{uuid.uuid4().hex[:10]}" for _ in range(count)]
        for name in made:
            subprocess.run(
                ["psql", f"{PG_ADMIN_URL}/postgres", "-c", f"create database {name}"], check=True, capture_output=True
            )
            names.append(name)
        return [f"{PG_ADMIN_URL}/{name}" for name in made]

    yield create
    for name in names:
        subprocess.run(
            ["psql", f"{PG_ADMIN_URL}/postgres", "-c", f"drop database if exists {name} with (force)"],
            capture_output=True,
        )


@pytest.mark.postgres
def test_postgresql_round_trip_restores_the_data_and_files(tmp_path, pg_databases):
    source_url, target_url = pg_databases(2)
    source = Site(tmp_path / "a", source_url)
    target = Site(tmp_path / "b", target_url)
    _round_trip(source, target, tmp_path / "backup.tar.gz", migrate_target=True)


def _audit_round_trip(source: Site, target: Site, archive: Path) -> None:
    """The access log in its own database comes back whole: every row of every one of its tables."""
    _round_trip(source, target, archive, migrate_target=True)
    log = source.audit_snapshot()
    rows = sum(len(found) for table, found in log.items() if table != "django_migrations")
    assert rows > 3, "the load recorded changes in the access log"
    assert target.audit_snapshot() == log


def test_sqlite_round_trip_with_the_access_log_in_its_own_database(tmp_path):
    source = Site(tmp_path / "a", f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'a-audit.sqlite3'}")
    target = Site(tmp_path / "b", f"sqlite:///{tmp_path / 'b.sqlite3'}", f"sqlite:///{tmp_path / 'b-audit.sqlite3'}")
    archive = tmp_path / "backup.tar.gz"
    _audit_round_trip(source, target, archive)

    # An installation without the access log's database cannot take this archive: nothing is restored.
    bare = Site(tmp_path / "c", f"sqlite:///{tmp_path / 'c.sqlite3'}")
    bare.migrate()
    refused = bare.manage("restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "access log's own database" in refused.stderr
    assert bare.snapshot()["people"] == []


@pytest.mark.postgres
def test_postgresql_round_trip_with_the_access_log_in_its_own_database(tmp_path, pg_databases):
    source_url, target_url, source_audit_url, target_audit_url = pg_databases(4)
    source = Site(tmp_path / "a", source_url, source_audit_url)
    target = Site(tmp_path / "b", target_url, target_audit_url)
    _audit_round_trip(source, target, tmp_path / "backup.tar.gz")
