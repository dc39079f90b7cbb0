import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.badges.factories import AchievementFactory, IssuerFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

JUDGE = Path(__file__).resolve().parent.parent / "judge" / "verify.mjs"


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def director(member):
    return member(Role.DIRECTOR)


@pytest.fixture
def pathway(structure, counsellor, supervisor):
    return PathwayFactory(
        person=PersonFactory(structure=structure, first_name="Awa", last_name="Diallo"),
        status=Status.IN_CONTRACT,
        referent=counsellor,
        supervisor=supervisor,
    )


@pytest.fixture
def issuer(structure):
    return IssuerFactory(structure=structure)


@pytest.fixture
def achievement(structure, issuer):
    return AchievementFactory(structure=structure)


@pytest.fixture
def other_structure_user(db):
    from tremplin.accounts.factories import MembershipFactory
    from tremplin.structures.factories import StructureFactory

    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user


def node_verify(credential: dict, tmp_path: Path, *did_documents: dict) -> dict:
    """Digital Bazaar's verifier, offline, on one credential (skips only if node is missing)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the external signature judge cannot run")
    files = []
    for index, document in enumerate([credential, *did_documents]):
        path = tmp_path / f"doc-{index}-{timezone.now().timestamp()}.json"
        path.write_text(json.dumps(document, ensure_ascii=False))
        files.append(str(path))
    completed = subprocess.run(  # noqa: S603 - our own script on our own files
        [node, str(JUDGE), *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.stdout, completed.stderr
    return json.loads(completed.stdout)
