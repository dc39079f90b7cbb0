"""Round trip of the backup and restore commands, run as an operator would: in subprocesses, on a real
SQLite file and on a throw-away PostgreSQL database, then comparing the data and the uploaded files."""

import json
import os
import shutil
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
    site.manage("shell", "-c", LOAD)
    (site.private / "documents").mkdir(parents=True)
    (site.private / "documents" / "justificatif.pdf").write_bytes(b"%PDF-1.4 attestation CAF\n")
    site.media.mkdir(parents=True)
    (site.media / "logo.txt").write_text("Tremplin")


def _round_trip(source: Site, target: Site, archive: Path) -> None:
    """Both sites hold freshly migrated, empty databases."""
    _fill(source)
    source.manage("backup", "--output", str(archive))
    assert archive.is_file()
    assert archive.stat().st_mode & 0o077 == 0, "a backup holds personal data: readable by its owner only"
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


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory):
    """Migrated, empty SQLite files, made once per test process: (main,) or (main, access log) apart."""
    made: dict[bool, tuple[Path, ...]] = {}

    def template(audit_apart: bool) -> tuple[Path, ...]:
        if audit_apart not in made:
            root = tmp_path_factory.mktemp("sqlite-template")
            files = (root / "main.sqlite3", root / "audit.sqlite3")[: 2 if audit_apart else 1]
            Site(root, *(f"sqlite:///{file}" for file in files)).migrate()
            made[audit_apart] = files
        return made[audit_apart]

    return template


@pytest.fixture
def migrated_sqlite(sqlite_templates):
    """migrated_sqlite(main[, audit]): copies of a freshly migrated installation at those paths, as URLs."""

    def copy(*paths: Path):
        for template, path in zip(sqlite_templates(len(paths) == 2), paths, strict=True):
            shutil.copyfile(template, path)
        urls = [f"sqlite:///{path}" for path in paths]
        return urls[0] if len(urls) == 1 else urls

    return copy


def test_sqlite_round_trip_restores_the_data_and_files_and_refuses_a_damaged_archive(tmp_path, migrated_sqlite):
    source = Site(tmp_path / "a", migrated_sqlite(tmp_path / "a.sqlite3"))
    target = Site(tmp_path / "b", migrated_sqlite(tmp_path / "b.sqlite3"))
    archive = tmp_path / "backup.tar.gz"
    _round_trip(source, target, archive)

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


def _psql(sql: str, check: bool = True) -> None:
    subprocess.run(["psql", f"{PG_ADMIN_URL}/postgres", "-c", sql], check=check, capture_output=True)


@pytest.fixture(scope="session")
def pg_templates(tmp_path_factory):
    """Migrated, empty PostgreSQL databases to copy (migrating takes far longer than copying), made on demand:
    one holding everything, and a pair for the access log in its own database."""
    if not _pg_reachable():
        pytest.skip("PostgreSQL is not reachable")
    made: dict[bool, tuple[str, ...]] = {}

    def template(audit_apart: bool) -> tuple[str, ...]:
        if audit_apart not in made:
            names = tuple(f"he_template_{uuid.uuid4().hex[:10]}" for _ in range(2 if audit_apart else 1))
            for name in names:
                _psql(f"create database {name}")
            site = Site(tmp_path_factory.mktemp("template"), *(f"{PG_ADMIN_URL}/{name}" for name in names))
            site.migrate()
            made[audit_apart] = names
        return made[audit_apart]

    yield template
    for names in made.values():
        for name in names:
            _psql(f"drop database if exists {name} with (force)", check=False)


@pytest.fixture
def pg_databases(pg_templates):
    """pg_databases(audit_apart=False): URLs of new databases copied from a migrated template, dropped after."""
    names: list[str] = []

    def create(audit_apart: bool = False) -> list[str]:
        urls = []
        for template in pg_templates(audit_apart):
            name = f"he_restore_{uuid.uuid4().hex[:10]}"
            _psql(f"create database {name} template {template}")
            names.append(name)
            urls.append(f"{PG_ADMIN_URL}/{name}")
        return urls

    yield create
    for name in names:
        _psql(f"drop database if exists {name} with (force)", check=False)


@pytest.mark.postgres
def test_postgresql_round_trip_restores_the_data_and_files(tmp_path, pg_databases):
    source = Site(tmp_path / "a", *pg_databases())
    target = Site(tmp_path / "b", *pg_databases())
    _round_trip(source, target, tmp_path / "backup.tar.gz")


def _audit_round_trip(source: Site, target: Site, archive: Path) -> None:
    """The access log in its own database comes back whole: every row of every one of its tables."""
    _round_trip(source, target, archive)
    log = source.audit_snapshot()
    rows = sum(len(found) for table, found in log.items() if table != "django_migrations")
    assert rows > 3, "the load recorded changes in the access log"
    assert target.audit_snapshot() == log


def test_sqlite_round_trip_with_the_access_log_in_its_own_database(tmp_path, migrated_sqlite):
    source = Site(tmp_path / "a", *migrated_sqlite(tmp_path / "a.sqlite3", tmp_path / "a-audit.sqlite3"))
    target = Site(tmp_path / "b", *migrated_sqlite(tmp_path / "b.sqlite3", tmp_path / "b-audit.sqlite3"))
    archive = tmp_path / "backup.tar.gz"
    _audit_round_trip(source, target, archive)

    # An installation without the access log's database cannot take this archive: nothing is restored.
    bare = Site(tmp_path / "c", migrated_sqlite(tmp_path / "c.sqlite3"))
    refused = bare.manage("restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "access log's own database" in refused.stderr
    assert bare.snapshot()["people"] == []


@pytest.mark.postgres
def test_postgresql_round_trip_with_the_access_log_in_its_own_database(tmp_path, pg_databases):
    source = Site(tmp_path / "a", *pg_databases(audit_apart=True))
    target = Site(tmp_path / "b", *pg_databases(audit_apart=True))
    _audit_round_trip(source, target, tmp_path / "backup.tar.gz")
