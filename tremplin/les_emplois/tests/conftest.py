import pytest

from tremplin.accounts.roles import Role
from tremplin.les_emplois.client import Client, RateLimiter
from tremplin.les_emplois.fake_platform import FakePlatform, sample_record
from tremplin.programmes.factories import ProgrammeFactory

SIRET = "73282932000074"


class FakeClock:
    """A clock whose sleep only moves time on: the tests never wait for the rate limiter."""

    def __init__(self):
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(seconds, 0)


@pytest.fixture(autouse=True)
def plain_http_for_the_fake(settings):
    settings.LES_EMPLOIS_ALLOW_HTTP = True


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def french_structure(structure):
    structure.siret = SIRET
    structure.save()
    return structure


@pytest.fixture
def programme(french_structure):
    return ProgrammeFactory(structure=french_structure, name="ACI maraîchage")


@pytest.fixture
def director(member):
    return member(Role.DIRECTOR)


@pytest.fixture
def platform():
    with FakePlatform(records=[sample_record(n, siret=SIRET) for n in range(1, 26)], page_size=20) as fake:
        yield fake


@pytest.fixture
def make_client(platform, clock):
    def make(**kwargs) -> Client:
        client = Client(platform.url, limiter=RateLimiter(clock=clock, sleep=clock.sleep), **kwargs)
        client.obtain_token(platform.username, platform.password)
        return client

    return make
