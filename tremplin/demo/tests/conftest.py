"""The demo is built once per test process and shared by the tests that only read it.

Building it takes about twenty seconds; a dozen tests rebuilding it cost minutes of every CI run.
The build runs inside a transaction that is rolled back at the end, and each test runs inside its
own savepoint (pytest-django's `db`), so a test that changes the demo leaves it intact for the next
and no other test module ever sees it.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

DEMO_PORT = "8123"


@pytest.fixture(scope="package")
def built_demo(django_db_setup, django_db_blocker) -> str:
    """The output of `load_demo` (served on DEMO_PORT), its data present until the package's tests end."""
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORT", DEMO_PORT)
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("load_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(built_demo, db) -> str:
    return built_demo
