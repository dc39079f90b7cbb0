import pytest

from tremplin.accounts.roles import Role


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


@pytest.fixture
def signed_in(client, counsellor):
    client.force_login(counsellor)
    return client
