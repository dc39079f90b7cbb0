try:  # Celery is optional at import time, so that management commands work without it.
    from .celery import app as celery_app
except ImportError:  # pragma: no cover
    celery_app = None

__all__ = ("celery_app",)
