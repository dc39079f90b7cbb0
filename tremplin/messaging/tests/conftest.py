import datetime

import pytest
from django.utils import timezone

from tremplin.accounts.roles import Role
from tremplin.consent.factories import ConsentFactory
from tremplin.consent.models import ConsentKind
from tremplin.interviews.factories import InterviewFactory
from tremplin.messaging.factories import ContactPreferenceFactory
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory

from .servers import FakeBrevo, start_smtp, use_servers


@pytest.fixture
def smtp():
    controller, sink = start_smtp()
    yield controller, sink
    controller.stop()


@pytest.fixture
def brevo():
    fake = FakeBrevo().start()
    yield fake
    fake.stop()


@pytest.fixture
def servers(settings, smtp, brevo):
    """Both providers on loopback; returns (smtp sink, fake Brevo)."""
    use_servers(settings, smtp[0], brevo)
    settings.TREMPLIN_WEBHOOK_TOKEN = "hook-secret"
    return smtp[1], brevo


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Awa", email="awa@example.org", phone="06 12 34 56 78")


@pytest.fixture
def consenting(person, counsellor):
    """The person agreed to be contacted, prefers both channels, mobile +33612345678."""
    ConsentFactory(person=person, kind=ConsentKind.CONTACT, recorded_by=counsellor)
    ContactPreferenceFactory(person=person, mobile="+33612345678")
    return person


@pytest.fixture
def pathway(structure, person, counsellor):
    return PathwayFactory(person=person, structure=structure, status=Status.IN_CONTRACT, referent=counsellor)


@pytest.fixture
def interview(pathway, counsellor):
    """An individual interview in three days at 10:00, led by the counsellor, visible to the whole team."""
    moment = timezone.localtime() + datetime.timedelta(days=3)
    return InterviewFactory(
        pathway=pathway,
        planned_at=moment.replace(hour=10, minute=0, second=0, microsecond=0),
        led_by=counsellor,
        visibility="whole_team",
    )
