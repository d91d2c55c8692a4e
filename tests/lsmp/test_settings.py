"""Production settings: no key, no start; the deploy check is clean; the headers are set."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from tests.support.worker import current_test_database_url

ROOT = Path(__file__).resolve().parents[2]
_TEST_ONLY_VARIABLES = {"SECRET_KEY", "EMAIL_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in _TEST_ONLY_VARIABLES}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**clean_env, "DJANGO_SETTINGS_MODULE": "lsmp.settings.production", **env},
                          timeout=120)


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check", EMAIL_URL="smtp://mail.example.org:25")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_email_url():
    result = _manage("check", SECRET_KEY="k" * 60)
    assert result.returncode != 0
    assert "Set the EMAIL_URL environment variable" in result.stderr


def test_production_passes_the_deploy_check_with_no_warnings(django_db_setup):
    # The check asks the database its version (generated columns need Postgres 18 for VIRTUAL),
    # so it is pointed at the test database, which exists on a clean CI machine; the database
    # named in DATABASE_URL does not.
    result = _manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="s3cret-" * 10,
                     ALLOWED_HOSTS="lsmp.example.org", EMAIL_URL="smtp+tls://u:p@mail.example.org:587",
                     DATABASE_URL=current_test_database_url())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_security_settings():
    script = ("from django.conf import settings as s;"
              "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
              " s.SESSION_COOKIE_HTTPONLY, s.DATABASES['default']['CONN_MAX_AGE'])")
    result = _manage("shell", "--no-imports", "-c", script, SECRET_KEY="k" * 60, EMAIL_URL="smtp://mail.example.org:25")
    hsts, session_secure, csrf_secure, httponly, conn_max_age = result.stdout.split()
    assert int(hsts) >= 365 * 24 * 3600
    assert session_secure == csrf_secure == httponly == "True"
    assert int(conn_max_age) > 0


def test_every_response_carries_the_security_headers(client, db):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self' 'nonce-"]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_nonce_changes_per_response_and_matches_the_script_tag(client, db):
    first = client.get(reverse("home"))
    second = client.get(reverse("home"))
    nonce = first["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert nonce not in second["Content-Security-Policy"]
    assert f'nonce="{nonce}"' in first.content.decode()
