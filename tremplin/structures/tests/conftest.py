import pytest

from tremplin.accounts.tests import stub_urls


@pytest.fixture(autouse=True)
def _urls_of_apps_not_written_yet(settings):
    if stub_urls.missing_namespaces():
        settings.ROOT_URLCONF = "tremplin.accounts.tests.stub_urls"
