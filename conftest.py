import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.structures.factories import StructureFactory


@pytest.fixture
def structure(db):
    return StructureFactory()


@pytest.fixture
def member(structure):
    """Factory fixture: member(Role.COUNSELLOR) returns a user with that role in `structure`."""

    def make(role: str = Role.COUNSELLOR, structure_=None):
        return MembershipFactory(structure=structure_ or structure, role=role).user

    return make


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Tests create many accounts; the production hasher is slow on purpose, tests need not be."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counters and lockout notices live in Django's cache: each test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def access_log_checkpoints_elsewhere(tmp_path_factory):
    """The access log's signed checkpoints go to a directory of the test run, never to a developer's var/."""
    from django.conf import settings

    settings.AUDIT_CHECKPOINT_DIR = tmp_path_factory.mktemp("audit-checkpoints")


@pytest.fixture(autouse=True, scope="session")
def background_tasks_run_inline():
    """CI sets REDIS_URL (the cache and sessions use it), which makes Celery send tasks to Redis, where no worker
    runs during the tests: a queued import or message would wait for ever. Tests run every task inline, as the
    demo does; the tasks' own code is the same either way."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
