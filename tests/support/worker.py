"""Starts a real Celery worker process against the test database and the configured broker."""

import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def current_test_database_url() -> str:
    """The URL of the database the tests are using right now (the test_ one)."""
    config = connection.settings_dict
    if config["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{config['NAME']}"
    user = config.get("USER") or ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{config.get('HOST') or '127.0.0.1'}:{config.get('PORT') or 5432}/{config['NAME']}"


@contextmanager
def celery_worker(mail_dir: Path, extra_env: dict | None = None, pool_args: tuple[str, ...] = ("--pool=solo",)):
    """A worker process with the local settings, pointed at the test database, sending email
    into files in mail_dir. It is stopped (TERM, then KILL) when the block ends. pool_args
    choose the pool: solo by default (tasks in order); production runs prefork."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lsmp.settings.local",
        "DATABASE_URL": current_test_database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "EMAIL_URL": f"filemail://{mail_dir}",
        "OUTBOX_KICK_ON_COMMIT": "false",
        "CONN_MAX_AGE": "0",
        **(extra_env or {}),
    }
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        env["CELERY_TEST_BROKER_FOLDER"] = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]
    # The log goes to a file, not a pipe: a long test's log would fill a pipe nobody reads
    # until the end and block the worker. output_so_far() reads it while the worker runs.
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed when the block ends
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lsmp", "worker", *pool_args, "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"test-{os.getpid()}@%h"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )

    def output_so_far() -> str:
        log.seek(0)
        return log.read()

    process.output_so_far = output_so_far
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.worker_output = output_so_far()
        log.close()


def wait_for(predicate, timeout: float = 60.0, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()
