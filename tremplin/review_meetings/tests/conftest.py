import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.review_meetings.factories import ReviewItemFactory, ReviewMeetingFactory
from tremplin.structures.factories import StructureFactory, WorksiteFactory


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def supervisor(member):
    return member(Role.SUPERVISOR)


@pytest.fixture
def programme(structure):
    return ProgrammeFactory(structure=structure)


@pytest.fixture
def make_pathway(structure, programme):
    def make(first_name="Awa", last_name="Diallo", **fields):
        fields.setdefault("status", Status.IN_CONTRACT)
        return PathwayFactory(
            person=PersonFactory(structure=structure, first_name=first_name, last_name=last_name),
            programme=programme,
            **fields,
        )

    return make


@pytest.fixture
def pathway(make_pathway, counsellor):
    return make_pathway(referent=counsellor)


@pytest.fixture
def meeting(structure, counsellor):
    return ReviewMeetingFactory(structure=structure, participants=[counsellor])


@pytest.fixture
def item(meeting, pathway):
    return ReviewItemFactory(meeting=meeting, pathway=pathway)


@pytest.fixture
def team_supervisor(structure, supervisor, pathway):
    """The supervisor of `pathway`'s worksite."""
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(supervisor)
    pathway.worksite = worksite
    pathway.save()
    return supervisor


@pytest.fixture
def other_structure_director(db):
    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user


@pytest.fixture
def pdf_text(tmp_path):
    """The text of a PDF, as pdftotext reads it."""

    def read(pdf: bytes) -> str:
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext (poppler-utils) is not installed")
        path = tmp_path / "minutes.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return " ".join(text.split())

    return read
