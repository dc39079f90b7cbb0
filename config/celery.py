"""Celery application: background work (the nightly retention purge…).

Without a broker (no REDIS_URL), settings make tasks run inline, so the
embedded default needs no Redis.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tremplin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
