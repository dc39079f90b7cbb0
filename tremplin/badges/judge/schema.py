"""1EdTech's official JSON Schema for AchievementCredential, installed from the PyPI registry.

No registry package installs the schema as such: the source distribution of `openbadgeslib`
(PyPI, LGPL) carries the official file verbatim in tests/fixtures/ob_schemas/. `install()` downloads
that exact sdist with pip, checks the file against its SHA-256 pin and copies it into the virtual
environment (share/tremplin/), where the tests read it. Run `python -m tremplin.badges.judge.schema`
at install time (make venv-dev); the test fixture runs it too when the file is missing.
"""

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import jsonschema

PACKAGE = "openbadgeslib==4.6.3"
MEMBER = "openbadgeslib-4.6.3/tests/fixtures/ob_schemas/ob_v3p0_achievementcredential_schema.json"
SHA256 = "b7358e895f492e74055dc6bfc7ffc420d0e497f90c4579fb83d9519b86d393ea"
SCHEMA_ID = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"


def path() -> Path:
    return Path(sys.prefix) / "share" / "tremplin" / "ob_v3p0_achievementcredential_schema.json"


def _matches(data: bytes) -> bool:
    return hashlib.sha256(data).hexdigest() == SHA256


def install() -> Path:
    target = path()
    if target.exists() and _matches(target.read_bytes()):
        return target
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(  # noqa: S603 - fixed arguments: pip downloading one pinned package
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-d",
                folder,
                PACKAGE,
            ],
            check=True,
        )
        (archive,) = Path(folder).glob("*.tar.gz")
        with tarfile.open(archive) as tar:
            data = tar.extractfile(MEMBER).read()
    if not _matches(data):
        raise RuntimeError(f"{MEMBER} does not match its pinned SHA-256")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def validator() -> jsonschema.Draft201909Validator:
    import json

    schema = json.loads(path().read_bytes())
    assert schema["$id"] == SCHEMA_ID
    return jsonschema.Draft201909Validator(schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)


def errors(credential: dict) -> list[str]:
    """Every violation of the schema, as 'path: message' (empty: the credential conforms)."""
    found = sorted(validator().iter_errors(credential), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in found]


if __name__ == "__main__":
    print(install())
