"""Settings for the backup round-trip tests, run in subprocesses: the project's settings with file folders
taken from the environment, so each side of the round trip has its own."""

import os

from config.settings import *  # noqa: F403

MEDIA_ROOT = os.environ["TREMPLIN_TEST_MEDIA_ROOT"]
PRIVATE_MEDIA_ROOT = os.environ["TREMPLIN_TEST_PRIVATE_MEDIA_ROOT"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
