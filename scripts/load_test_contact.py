#!/usr/bin/env python
"""Load test of the public contact form: gunicorn on 127.0.0.1 only, concurrent senders,
bounded in time AND in requests, stops by itself.

    .venv/bin/python scripts/load_test_contact.py [--seconds 30] [--max-posts 3000]
        [--concurrency 8] [--workers 2] [--database-url postgres://...]

Each simulated sender GETs /contact/ (for the CSRF cookie and token), then POSTs a valid
enquiry and sends it from the check-your-answers page; a 302 to the confirmation page is a
success (the post latency counts both posts). Without --database-url a fresh SQLite
file under var/loadtest/ is used. The script starts and stops its own gunicorn, and prints
requests per second, latency percentiles, errors and the enquiry rows saved."""

import argparse
import http.cookiejar
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, never another machine


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lsmp.settings.local",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": HOST,
        # Every sender comes from 127.0.0.1: the per-address limit would stop the test itself.
        "ENQUIRY_RATE_LIMIT": "100000000",
        "ENQUIRY_EMAIL_RATE_LIMIT": "100000000",
        # Measure the web process alone: acknowledgements wait in the outbox as rows.
        "OUTBOX_KICK_ON_COMMIT": "false",
        "EMAIL_URL": "memorymail://",
        "LOG_LEVEL": "WARNING",
    }


def count_enquiries(env: dict) -> int:
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from partnership.models import Enquiry; print(Enquiry.objects.count())"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return int(output.strip().splitlines()[-1])


def wait_until_up(base: str, process, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            urllib.request.urlopen(base + "/contact/", timeout=5).read()  # noqa: S310 - http on loopback
            return
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.post_latencies: list[float] = []
        self.get_latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.posts = 0

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


def sender(number: int, base: str, deadline: float, budget: threading.Semaphore, results: Results) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    sent = 0
    while time.monotonic() < deadline and budget.acquire(blocking=False):
        try:
            started = time.perf_counter()
            page = opener.open(base + "/contact/", timeout=30).read().decode()
            results.get_latencies.append(time.perf_counter() - started)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            data = urllib.parse.urlencode({
                "csrfmiddlewaretoken": token, "kind": "offer" if sent % 2 else "question",
                "name": f"Load sender {number}-{sent}", "email": f"load{number}.{sent}@example.com",
                "message": "We would like to offer a room to a refugee family in Lewisham.",
                "offer_types": "accommodation", "offer_where": "Lewisham", "consent": "on",
            }).encode()
            request = urllib.request.Request(  # noqa: S310 - http on loopback
                base + "/contact/", data=data, headers={"Referer": base + "/contact/"})
            started = time.perf_counter()
            try:
                response = opener.open(request, timeout=30)
                status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            elapsed = time.perf_counter() - started
            with results.lock:
                results.post_latencies.append(elapsed)
                results.posts += 1
            if status == 302:
                # "Send message" on the check-your-answers page: the post that saves and queues.
                request = urllib.request.Request(  # noqa: S310 - http on loopback
                    base + "/contact/check/", data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
                    headers={"Referer": base + "/contact/check/"})
                try:
                    status = opener.open(request, timeout=30).status
                except urllib.error.HTTPError as error:
                    status = error.code
                elapsed = time.perf_counter() - started
                with results.lock:
                    results.post_latencies[-1] = elapsed
            if status != 302:
                results.error(f"HTTP {status}")
            sent += 1
        except Exception as error:  # noqa: BLE001 - every failure is counted and reported
            results.error(type(error).__name__)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30, help="stop sending after this long")
    parser.add_argument("--max-posts", type=int, default=3000, help="stop after this many POSTs")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    database_url = args.database_url
    if not database_url:
        folder = ROOT / "var" / "loadtest"
        folder.mkdir(parents=True, exist_ok=True)
        database = folder / f"load-{int(time.time())}.sqlite3"
        database_url = f"sqlite:///{database}"
    env = server_env(database_url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    # The 33 boroughs, so the form is drawn as the public sees it.
    subprocess.run([sys.executable, "manage.py", "seed_demo"], cwd=ROOT, check=True, capture_output=True,
                   env={**env, "DEMO_PASSWORD": "load-test-only-pw-1"})
    rows_before = count_enquiries(env)

    port = free_port()
    base = f"http://{HOST}:{port}"
    gunicorn = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "gunicorn", "lsmp.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(args.workers),
         "--access-logfile", "/dev/null", "--error-logfile", "-", "--log-level", "warning"],
        cwd=ROOT, env=env)
    try:
        wait_until_up(base, gunicorn)
        results = Results()
        budget = threading.Semaphore(args.max_posts)
        started = time.monotonic()
        deadline = started + args.seconds
        threads = [threading.Thread(target=sender, args=(n, base, deadline, budget, results), daemon=True)
                   for n in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 60)
        elapsed = time.monotonic() - started
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        try:
            gunicorn.wait(timeout=20)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    rows_saved = count_enquiries(env) - rows_before

    posts = results.posts
    errors = sum(results.errors.values())
    print(f"database            {database_url.split('@')[-1]}")
    print(f"gunicorn workers    {args.workers}, senders {args.concurrency}, "
          f"bound {args.seconds:g}s / {args.max_posts} posts")
    print(f"elapsed             {elapsed:.1f} s")
    print(f"form posts          {posts}  ({posts / elapsed:.1f} per second)")
    print(f"all requests        {posts + len(results.get_latencies)}  "
          f"({(posts + len(results.get_latencies)) / elapsed:.1f} per second, GET + POST)")
    print(f"POST latency        p50 {percentile(results.post_latencies, 0.5) * 1000:.0f} ms, "
          f"p95 {percentile(results.post_latencies, 0.95) * 1000:.0f} ms, "
          f"max {max(results.post_latencies or [0]) * 1000:.0f} ms, "
          f"mean {statistics.fmean(results.post_latencies or [0]) * 1000:.0f} ms")
    print(f"GET latency         p95 {percentile(results.get_latencies, 0.95) * 1000:.0f} ms")
    print(f"errors              {errors} {results.errors if errors else ''}")
    print(f"rows saved          {rows_saved} (successful posts {posts - results.errors.get('HTTP 429', 0) - errors})")
    sys.exit(1 if errors or rows_saved != posts - errors else 0)


if __name__ == "__main__":
    main()
