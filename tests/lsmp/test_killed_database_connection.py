"""A persistent database connection killed by the server between two requests: with Django's
connection health checks the next request notices, reconnects and succeeds.

The requests go through Django's real WSGI handler, not the test client: the test client turns
off the request_started/request_finished hooks that check and recycle connections, which are
exactly what is under test."""

import time

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.factories.partnership import BodyFactory, gla_officer
from tests.support.two_factor import sign_in_fully

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _serve(path: str, cookie: str = "") -> int:
    environ = RequestFactory().get(path, HTTP_COOKIE=cookie).environ
    status = {}

    def start_response(line, headers, exc_info=None):
        status["code"] = int(line.split()[0])

    response = WSGIHandler()(environ, start_response)
    b"".join(response)
    response.close()  # request_finished: keeps the connection for CONN_MAX_AGE
    return status["code"]


def _kill_backend_of_this_connection() -> int:
    """pg_terminate_backend from a second connection; returns the killed backend's pid."""
    pid = connection.connection.info.backend_pid
    killer = connections.create_connection("default")
    try:
        with killer.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            for _ in range(100):
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if cursor.fetchone() == (0,):
                    break
                time.sleep(0.05)
    finally:
        killer.close()
    return pid


def _signed_in_cookie() -> str:
    client = Client()
    sign_in_fully(client, gla_officer())
    return f"sessionid={client.cookies['sessionid'].value}"


def test_connections_are_persistent_and_health_checked():
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize("signed_in", [False, True], ids=["public page", "signed-in page"])
def test_the_request_after_a_killed_connection_succeeds(signed_in):
    BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    cookie = _signed_in_cookie() if signed_in else ""
    path = reverse("dashboard") if signed_in else reverse("partnership:body_list")
    assert _serve(path, cookie) == 200
    killed = _kill_backend_of_this_connection()

    # Without the health check both pages answer 500 here (the signed-in one when it reads
    # the session, the public one at its first query).
    assert _serve(path, cookie) == 200
    assert connection.connection.info.backend_pid != killed


def test_without_the_health_check_the_same_kill_fails_the_next_request(monkeypatch):
    # Shows the test above can fail: the setting, not luck, makes the difference.
    BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", False)
    connection.close()  # the setting is read when connecting
    path = reverse("partnership:body_list")
    assert _serve(path) == 200
    _kill_backend_of_this_connection()
    assert _serve(path) == 500
    # The failed request's end closes the broken connection, so the one after works again.
    assert _serve(path) == 200
