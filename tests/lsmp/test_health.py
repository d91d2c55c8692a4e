import datetime as dt

from django.conf import settings
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from lsmp.heartbeat import heartbeat_record
from lsmp.models import WorkerHeartbeat
from lsmp.tasks import record_worker_heartbeat


def test_health_is_200_when_database_broker_and_worker_answer(client, db):
    heartbeat_record(worker="celery@web-1")
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "broker": True, "worker": True},
                               "problems": []}


def test_health_is_503_before_any_worker_was_seen(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert body["checks"] == {"database": True, "broker": True, "worker": False}
    assert body["problems"] == [
        "no Celery worker has been seen yet: start a worker and beat (emails wait until then)"]


def test_health_is_503_when_the_worker_was_last_seen_too_long_ago(client, db):
    limit = settings.WORKER_HEARTBEAT_STALE_AFTER_SECONDS
    heartbeat_record(worker="celery@worker-2", now=timezone.now() - dt.timedelta(seconds=limit + 60))
    response = client.get(reverse("health"))
    assert response.status_code == 503
    (problem,) = response.json()["problems"]
    assert problem.startswith("no Celery worker seen for ")
    assert f"limit {limit}; last celery@worker-2" in problem


def test_a_heartbeat_just_inside_the_limit_is_healthy(client, db):
    limit = settings.WORKER_HEARTBEAT_STALE_AFTER_SECONDS
    heartbeat_record(worker="celery@worker-2", now=timezone.now() - dt.timedelta(seconds=limit - 5))
    assert client.get(reverse("health")).status_code == 200


def test_the_heartbeat_task_refreshes_one_row(db):
    heartbeat_record(worker="celery@old", now=timezone.now() - dt.timedelta(hours=1))
    record_worker_heartbeat.apply()
    row = WorkerHeartbeat.objects.get()
    assert timezone.now() - row.seen_at < dt.timedelta(seconds=5)


def test_beat_runs_the_heartbeat_more_often_than_health_tolerates():
    entry = settings.CELERY_BEAT_SCHEDULE["record-worker-heartbeat"]
    assert entry["task"] == record_worker_heartbeat.name
    assert entry["schedule"] * 2 <= settings.WORKER_HEARTBEAT_STALE_AFTER_SECONDS
    # A heartbeat queued during a broker outage must not pass for a live worker later.
    assert entry["options"]["expires"] <= entry["schedule"]


def test_health_is_503_when_the_broker_is_down(client, db, settings):
    heartbeat_record(worker="celery@web-1")
    # Nothing listens on port 1: the same as Redis being down.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "broker": False, "worker": True}
    assert response.json()["problems"] == ["the broker (Celery's Redis) does not answer"]


class _UnreachableDatabase:
    """Stands in for django.db.connection when Postgres does not answer."""

    def cursor(self):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def test_health_is_503_when_the_database_is_down(client, db, monkeypatch):
    monkeypatch.setattr("lsmp.health.connection", _UnreachableDatabase())
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable", "checks": {"database": False, "broker": True, "worker": False},
        "problems": ["the database does not answer",
                     "the worker heartbeat cannot be read while the database does not answer"]}
