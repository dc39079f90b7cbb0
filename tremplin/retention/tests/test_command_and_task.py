import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tremplin.retention.models import RetentionRecord
from tremplin.retention.tasks import apply_purge_task

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_prints_the_plan_and_changes_nothing(closed_file):
    person = closed_file(25)
    output = run("--dry-run")
    assert str(person.public_id) in output and "1 action(s) prévue(s)" in output
    assert not RetentionRecord.objects.exists()


def test_the_real_run_anonymises_and_says_so(closed_file):
    person = closed_file(25)
    assert "1 action(s) appliquée(s)" in run()
    assert RetentionRecord.objects.get(person=person).anonymised_on == timezone.localdate()


def test_today_can_be_moved(closed_file):
    person = closed_file(23)
    later = (timezone.localdate() + datetime.timedelta(days=92)).isoformat()
    assert str(person.public_id) in run("--dry-run", "--today", later)
    assert "active_file" not in run("--dry-run")


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError, match="AAAA-MM-JJ"):
        run("--today", "22/11/2026")


def test_tasks_run_inline_exactly_when_no_broker_is_configured(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER is (settings.CELERY_BROKER_URL is None)


def test_the_purge_task_anonymises_what_is_due(closed_file):
    person = closed_file(25)
    result = apply_purge_task.apply()
    assert result.get() == 1
    assert RetentionRecord.objects.get(person=person).anonymised_on is not None


def test_with_a_broker_the_task_is_queued_in_redis(settings):
    """CI runs with REDIS_URL: the nightly purge really goes through Redis to a worker."""
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no broker configured (REDIS_URL unset): tasks run inline")
    import redis

    from config.celery import app

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = app.conf.task_default_queue
    client.delete(queue)
    app.conf.task_always_eager = False  # the test session runs tasks inline (conftest.py); this one goes to Redis
    try:
        apply_purge_task.delay()
        assert client.llen(queue) == 1
    finally:
        app.conf.task_always_eager = True
        client.delete(queue)


def test_the_purge_is_scheduled_daily_at_three(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["retention-purge-daily"]
    assert schedule["task"] == apply_purge_task.name
    assert schedule["schedule"].hour == {3} and schedule["schedule"].minute == {0}
