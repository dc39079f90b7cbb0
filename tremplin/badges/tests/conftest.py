from pathlib import Path

import pytest

from tremplin.accounts.roles import Role
from tremplin.badges.factories import AchievementFactory, IssuerFactory
from tremplin.badges.judge import node
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory


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


def node_verify(credential: dict, tmp_path: Path | None = None, *did_documents: dict) -> dict:
    """Digital Bazaar's verifier, offline, on one credential (skips only if node is missing)."""
    if not node.available():
        pytest.skip("node is not installed: the external signature judge cannot run")
    return node.verify(credential, *did_documents)
