import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test writes its documents in its own private folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
