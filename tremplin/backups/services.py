"""Backup and restore of a whole installation: the database and the uploaded files.

One .tar.gz holds a database dump (pg_dump's custom format, or a copy made
with SQLite's online backup API, both consistent while the application
runs), the uploaded files, and a manifest with the SHA-256 of every member,
so a damaged or altered archive is refused before anything is restored.

When the access log lives in a database of its own (AUDIT_DATABASE_URL, the "audit" alias),
that whole database is dumped and restored beside the main one, as a database and not table
by table: the backup does not depend on how the access log's tables are made.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
AUDIT_ALIAS = "audit"
AUDIT_PREFIX = "audit-"  # archive names of the access log's own database (no "/": not a file folder)
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Raised with a message meant for the person running the command."""


@dataclass
class RestoreReport:
    engine: str
    created_at: str
    files: int
    warnings: list[str] = field(default_factory=list)


def _engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Unsupported database engine: {vendor}.")
    return vendor


def file_roots() -> dict[str, Path]:
    """Folders of uploaded files, by their name in the archive. Only those that are configured."""
    roots: dict[str, Path] = {}
    if getattr(settings, "MEDIA_ROOT", ""):
        roots["media"] = Path(settings.MEDIA_ROOT)
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private is None:
        try:  # the documents app has a default location for private files
            from tremplin.documents.storage import private_media_root

            private = private_media_root()
        except ImportError:
            private = None
    if private:
        roots["private_media"] = Path(private)
    return roots


def migration_heads(alias: str = "default") -> dict[str, list[str]]:
    """The latest migration of each app as recorded in the database (what the dump contains)."""
    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    heads: dict[str, list[str]] = {}
    for app, name in sorted(loader.applied_migrations):
        if (app, name) in loader.graph.nodes:
            children = {child.key for child in loader.graph.node_map[(app, name)].children}
            if not children & set(loader.applied_migrations):
                heads.setdefault(app, []).append(name)
    return heads


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args + ["--no-password"]


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603 — fixed arguments, no shell
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools are needed).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def separate_audit_database() -> bool:
    """Whether the access log has a database of its own in this installation."""
    return AUDIT_ALIAS in settings.DATABASES


def _dump_database(target_dir: Path, alias: str, prefix: str = "") -> str:
    db = settings.DATABASES[alias]
    if _engine(alias) == "postgresql":
        target = target_dir / f"{prefix}{PG_DUMP}"
        _run(["pg_dump", "--format=custom", "--file", str(target), *_pg_args(db), str(db["NAME"])], _pg_env(db))
        return target.name
    target = target_dir / f"{prefix}{SQLITE_COPY}"
    source = sqlite3.connect(str(db["NAME"]))
    destination = sqlite3.connect(str(target))
    try:
        # The online backup API copies a consistent snapshot even while the app writes.
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return target.name


def create_backup(output: Path, *, alias: str = "default") -> dict:
    """Writes the archive to `output` (atomically, readable by its owner only) and returns its manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tremplin-backup-") as tmp:
        work = Path(tmp)
        members: dict[str, Path] = {}
        dump = _dump_database(work, alias)
        members[dump] = work / dump
        audit = {}
        if separate_audit_database():
            audit_dump = _dump_database(work, AUDIT_ALIAS, AUDIT_PREFIX)
            members[audit_dump] = work / audit_dump
            audit = {
                "audit_database": audit_dump,
                "audit_engine": _engine(AUDIT_ALIAS),
                "audit_migrations": migration_heads(AUDIT_ALIAS),
            }
        for prefix, root in file_roots().items():
            if not root.is_dir():
                continue
            for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
                members[f"{prefix}/{path.relative_to(root).as_posix()}"] = path
        manifest = {
            "format_version": FORMAT_VERSION,
            "application": "tremplin",
            "created_at": timezone.now().isoformat(),
            "engine": _engine(alias),
            "database": dump,
            "migrations": migration_heads(alias),
            **audit,
            "members": {name: _sha256(path) for name, path in members.items()},
        }
        partial = output.with_name(f".{output.name}.partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                archive.add(str(path), arcname=name, recursive=False)
        os.replace(partial, output)
    return manifest


# Restore ------------------------------------------------------------------------------------------------------


def installation_is_empty(alias: str = "default") -> bool:
    """No account and no person recorded (a database whose tables are not even created is empty too)."""
    from tremplin.accounts.models import User
    from tremplin.people.models import Person

    try:
        return not (User.objects.using(alias).exists() or Person.objects.using(alias).exists())
    except DatabaseError:
        return True


def _extract_verified(path: Path, target: Path) -> dict:
    """Extracts into `target` after checking every member against the manifest; any difference is refused."""
    corrupted = BackupError(f"{path} is damaged or has been altered: restore refused, nothing was changed.")
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            manifest_member = archive.extractfile(MANIFEST)
            if manifest_member is None:
                raise corrupted
            manifest = json.loads(manifest_member.read())
            expected = manifest["members"]
            names = [m.name for m in archive.getmembers() if m.name != MANIFEST]
            if sorted(names) != sorted(expected):
                raise corrupted
            archive.extractall(target, filter="data")
    except (tarfile.TarError, OSError, EOFError, zlib.error, KeyError, ValueError, TypeError) as error:
        raise corrupted from error
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format_version')!r}.")
    for name, digest in expected.items():
        member = target / name
        if not member.is_file() or _sha256(member) != digest:
            raise corrupted
    return manifest


def _restore_database(engine: str, dump: Path, alias: str) -> None:
    db = settings.DATABASES[alias]
    connections[alias].close()
    if engine == "postgresql":
        # --clean drops the empty tables a fresh `migrate` created; we checked they hold nothing.
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                str(db["NAME"]),
                *_pg_args(db),
                str(dump),
            ],
            _pg_env(db),
        )
    else:
        target = Path(db["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(str(dump))
        destination = sqlite3.connect(str(target))
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()


def _check_audit_target(manifest: dict, warnings: list[str]) -> str | None:
    """The archive name of the access log's own database to restore, after checking this installation
    can take it; checked before anything is written, so a refusal leaves everything as it was."""
    audit_dump = manifest.get("audit_database")
    if not audit_dump:
        if separate_audit_database():
            warnings.append(
                "The backup kept the access log in the main database: its entries were restored there, "
                "not into the access log's own database (AUDIT_DATABASE_URL)."
            )
        return None
    if not separate_audit_database():
        raise BackupError(
            "The backup holds the access log's own database, and this installation has none: restore refused. "
            "Set AUDIT_DATABASE_URL to an empty database, run `migrate --database audit`, then restore."
        )
    engine = _engine(AUDIT_ALIAS)
    if manifest.get("audit_engine") != engine:
        raise BackupError(
            f"The backup's access log is a {manifest.get('audit_engine')} database, "
            f"this installation's uses {engine}: restore refused."
        )
    return audit_dump


def _restore_files(work: Path) -> int:
    count = 0
    for prefix, root in file_roots().items():
        folder = work / prefix
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file():
                destination = root / path.relative_to(folder)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)
                count += 1
    return count


def restore_backup(path: Path, *, alias: str = "default") -> RestoreReport:
    """Restores an archive made by create_backup into an empty installation of the same database engine."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    if not installation_is_empty(alias):
        raise BackupError(
            "This installation already holds accounts or people: restore refused. "
            "Restore only into an empty installation (new database, then `migrate`)."
        )
    engine = _engine(alias)
    with tempfile.TemporaryDirectory(prefix="tremplin-restore-") as tmp:
        work = Path(tmp)
        manifest = _extract_verified(path, work)
        if manifest["engine"] != engine:
            raise BackupError(
                f"The backup is a {manifest['engine']} database, this installation uses {engine}: restore refused."
            )
        known = set(file_roots())
        warnings = [
            f"Files under {prefix}/ were not restored: no folder is configured for them."
            for prefix in {name.split("/", 1)[0] for name in manifest["members"] if "/" in name} - known
        ]
        audit_dump = _check_audit_target(manifest, warnings)
        dump = manifest.get("database") or (PG_DUMP if engine == "postgresql" else SQLITE_COPY)
        if dump not in manifest["members"] or (audit_dump and audit_dump not in manifest["members"]):
            raise BackupError(f"{path} is damaged or has been altered: restore refused, nothing was changed.")
        _restore_database(manifest["engine"], work / dump, alias)
        if audit_dump:
            _restore_database(manifest["audit_engine"], work / audit_dump, AUDIT_ALIAS)
        files = _restore_files(work)
    return RestoreReport(engine=engine, created_at=manifest["created_at"], files=files, warnings=warnings)
