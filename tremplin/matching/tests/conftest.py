import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.employers.factories import CompanyFactory
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.matching.factories import MobilityProfileFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.professional_project.models import TargetJobStatus
from tremplin.structures.factories import StructureFactory


@pytest.fixture
def coach(member):
    return member(Role.JOB_COACH)


@pytest.fixture
def company(structure):
    return CompanyFactory(structure=structure, name="Verts Jardins")


@pytest.fixture
def pathway(structure):
    """Amina, in contract, aiming at gardening (A1203, confirmed), living in Roubaix, by public transport."""
    person = PersonFactory(structure=structure, first_name="Amina", last_name="Diallo", driving_licence="none")
    pathway = PathwayFactory(person=person, status=Status.IN_CONTRACT)
    TargetJobFactory(
        pathway=pathway, job_code="A1203", title="Jardinier·ère paysagiste", status=TargetJobStatus.CONFIRMED
    )
    MobilityProfileFactory(person=person, max_travel_minutes=60)
    return pathway


@pytest.fixture
def offer_for(company):
    def make(**fields):
        return JobOfferFactory(company=fields.pop("company", company), **fields)

    return make


@pytest.fixture
def other_structure_user(db):
    return MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()
