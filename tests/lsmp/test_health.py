from django.urls import reverse

from lsmp.celery import app


def test_health_is_200_when_database_and_broker_answer(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "broker": True}}


def test_health_is_503_when_the_broker_is_down(client, db, monkeypatch):
    # Nothing listens on port 1: the same as Redis being down.
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "broker": False}
