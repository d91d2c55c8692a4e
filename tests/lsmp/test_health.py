from django.db import OperationalError
from django.urls import reverse


def test_health_is_200_when_database_and_broker_answer(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "broker": True}}


def test_health_is_503_when_the_broker_is_down(client, db, settings):
    # Nothing listens on port 1: the same as Redis being down.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "broker": False}


class _UnreachableDatabase:
    """Stands in for django.db.connection when Postgres does not answer."""

    def cursor(self):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def test_health_is_503_when_the_database_is_down(client, db, monkeypatch):
    monkeypatch.setattr("lsmp.health.connection", _UnreachableDatabase())
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": False, "broker": True}}
