"""GET never changes data: every URL, read by every role, leaves every row as it was.

Rows are compared whole (count and a digest of every field, so updated_at
too). The access log and the sessions are expected to grow on reads and are
left out; so is the sign-in time that force_login writes before the snapshot.
"""

import pytest
from django.test import Client

from tests.security.helpers import build_structure, changed, every_url, snapshot

IGNORE = {"accounts.User": {"last_login"}}


@pytest.fixture
def world(db):
    return build_structure("A")


def test_no_get_by_any_role_changes_any_row(world):
    clients = {"anonymous": Client()}
    for role, user in world["users"].items():
        clients[str(role)] = Client()
        clients[str(role)].force_login(user)
    urls = every_url(world)
    before = snapshot(ignore=IGNORE)

    failures = []
    for role, client in clients.items():
        for name, url in urls:
            status = client.get(url).status_code
            if status >= 500:
                failures.append(f"{role} {name}: {status}")
        if moved := changed(before, snapshot(ignore=IGNORE)):
            failures.append(f"after the GETs of {role}: {moved} changed")
            before = snapshot(ignore=IGNORE)

    assert not failures, "\n".join(failures)
    assert len(urls) > 40
