"""bin/run-portal (make run / make web) with stand-ins for celery and python: it names the
process that died, stops the others, takes a port, and refuses a port in use."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bin" / "run-portal"

# Each stand-in writes its pid and arguments to calls/, then behaves as the test says.
CELERY = """#!/usr/bin/env bash
echo "$$ $*" >> "$CALLS/celery"
case "$*" in
  *worker*) if [ -n "${WORKER_DIES_AFTER:-}" ]; then sleep "$WORKER_DIES_AFTER"; \
              echo "consumer: Cannot connect to broker"; exit 3; fi ;;
esac
exec sleep 600
"""
PYTHON = """#!/usr/bin/env bash
echo "$$ $*" >> "$CALLS/python"
exec sleep 600
"""


def _as_in_a_terminal():
    """Runs in the child before the script: Ctrl-C's signal as a terminal leaves it. A test run
    started in the background (nohup ... &) inherits SIGINT ignored, and a shell cannot trap a
    signal ignored on entry, so the script would never see the test's Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def stand_ins(tmp_path):
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    calls.mkdir()
    for name, text in {"celery": CELERY, "python": PYTHON}.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "LSMP_BIN": str(bin_dir), "LSMP_LOG_DIR": str(tmp_path / "logs"), "CALLS": str(calls),
           "PORT": str(_spare_port())}
    return env, calls


def _pids(calls: Path, name: str) -> list[int]:
    path = calls / name
    return [int(line.split()[0]) for line in path.read_text().splitlines()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _run(env, *args, timeout=30):
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_as_in_a_terminal)


def test_a_dying_worker_is_named_with_its_log_and_the_others_are_stopped(stand_ins):
    env, calls = stand_ins
    result = _run({**env, "WORKER_DIES_AFTER": "1"})
    assert result.returncode == 3
    assert "!! The Celery worker (pid " in result.stderr
    assert "stopped with exit code 3." in result.stderr
    assert "consumer: Cannot connect to broker" in result.stderr  # the end of its log
    assert "Stopping the others too (Celery beat, web server)." in result.stderr
    time.sleep(0.5)
    survivors = [pid for pid in _pids(calls, "celery") + _pids(calls, "python") if _alive(pid)]
    assert survivors == []


def test_the_port_is_chosen_by_port(stand_ins):
    env, calls = stand_ins
    process = subprocess.Popen([str(SCRIPT)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not (calls / "python").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f"manage.py runserver 127.0.0.1:{env['PORT']} --noreload" in (calls / "python").read_text()
        assert len(_pids(calls, "celery")) == 2  # a worker and one beat
    finally:
        process.send_signal(signal.SIGINT)
        output, errors = process.communicate(timeout=60)
    assert f"http://127.0.0.1:{env['PORT']}" in output
    assert "Stopped the portal." in output, errors
    assert process.returncode == 0


def test_web_only_starts_no_worker_and_says_emails_wait(stand_ins):
    env, calls = stand_ins
    process = subprocess.Popen([str(SCRIPT), "--web-only"], env=env, stdout=subprocess.PIPE, text=True,
                               preexec_fn=_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not (calls / "python").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _pids(calls, "python")
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert not (calls / "celery").exists()
    assert "emails wait in the outbox" in output


def test_a_port_in_use_is_refused_with_the_way_out(stand_ins):
    env, calls = stand_ins
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run({**env, "PORT": str(port)})
    assert result.returncode == 1
    assert f"Port {port} is in use" in result.stderr and "make run PORT=" in result.stderr
    assert not (calls / "celery").exists() and not (calls / "python").exists()


def test_make_passes_the_port_and_has_a_web_target():
    makefile = (ROOT / "Makefile").read_text()
    assert "PORT ?= 8000" in makefile
    assert "PORT=$(PORT) bin/run-portal\n" in makefile
    assert "PORT=$(PORT) bin/run-portal --web-only" in makefile


def test_ctrl_c_in_a_terminal_stops_everything_without_blaming_a_process(stand_ins):
    """A terminal's Ctrl-C reaches the whole process group: Celery ends on SIGINT with exit code 0,
    maybe before the script sees its own signal. That is a stop, not a process that died."""
    env, calls = stand_ins
    graceful = (
        '#!/usr/bin/env bash\necho "$$ $*" >> "$CALLS/celery"\n'
        "exec python3 -c 'import signal, sys, time; signal.signal(signal.SIGINT, lambda *a: sys.exit(0)); "
        "time.sleep(600)'\n")
    (Path(env["LSMP_BIN"]) / "celery").write_text(graceful)
    process = subprocess.Popen([str(SCRIPT)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not (calls / "python").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # the stand-ins have installed their handlers
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output, errors = process.communicate(timeout=60)
    assert "Stopped the portal." in output, errors
    assert "stopped with exit code" not in errors
    assert process.returncode == 0
    assert not any(_alive(pid) for name in ("celery", "python") for pid in _pids(calls, name))
