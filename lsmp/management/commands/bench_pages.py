"""Benchmark: portal pages against Django's admin changelist and a bare view of the same rows.
Not a test: figures for notes and planning (README, "Benchmarks").

One page, in-process with the test client (medians):

    manage.py bench_pages --user officer@example.org --model partnership.Action \\
        --page /actions/ --admin /django-admin/partnership/action/

Every list page and the dashboard, over real HTTP to gunicorn on loopback (after seed_scale):

    manage.py bench_pages --all [--seconds 5] [--connections 4] [--workers 3]

--all starts gunicorn (DEBUG off) on a free port with this module's URLs (the portal's plus the
bare view), signs in seed_scale's GLA officer and a superuser (both past the second step) by
writing their sessions, then for each page runs `connections` clients for `seconds` each against
the page, its admin changelist and the bare view, and prints one table: requests per second,
p50 and p95, and the ratios. The bare view reads as many rows as the page shows (values() of a
page, as JSON) through the same middleware: the floor a page of that size can reach.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import JsonResponse
from django.test import Client, override_settings
from django.urls import path as url_path

from lsmp import urls as portal_urls

BARE_DEFAULT_ROWS = 25


def bare_view(request, label):
    """The least a page can do through the same middleware: read a page of rows (?n=, as many as
    the page it is compared with shows), serialise them."""
    try:
        rows = max(1, min(int(request.GET.get("n", BARE_DEFAULT_ROWS)), 1000))
    except ValueError:
        rows = BARE_DEFAULT_ROWS
    values = list(apps.get_model(label).objects.order_by("pk").values()[:rows])
    return JsonResponse({"rows": values}, json_dumps_params={"default": str})


# The portal's URLs plus the bare view, used only while the benchmark runs.
urlpatterns = [*portal_urls.urlpatterns, url_path("__bench_bare__/<str:label>/", bare_view)]


def _median_ms(call, repeat: int) -> float:
    call()  # warm-up: templates compiled, connections open
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


# --- --all: real HTTP to gunicorn ------------------------------------------------------------

@dataclass
class Figure:
    requests: int
    seconds: float
    p50: float
    p95: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Row:
    label: str
    page: str
    admin: str | None
    model: str
    rows: int  # rows the page shows: the bare view reads as many


def _pages() -> list[Row]:
    """Every list page and the dashboard, each with the admin changelist of the same model."""
    from lsmp.scale_data import BODY_PREFIX
    from partnership.models import Body, Meeting

    heavy = Body.objects.filter(short_name=f"{BODY_PREFIX}01").first()
    meeting = Meeting.objects.filter(body=heavy).order_by("-starts_at").first() if heavy else None
    rows = [
        Row("/actions/", "/actions/", "/django-admin/partnership/action/", "partnership.Action", 100),
        Row("/actions/?overdue=yes", "/actions/?overdue=yes", "/django-admin/partnership/action/",
            "partnership.Action", 100),
        Row("/my-actions/", "/my-actions/", "/django-admin/partnership/action/", "partnership.Action", 100),
        Row("/meetings/", "/meetings/", "/django-admin/partnership/meeting/", "partnership.Meeting", 70),
        Row("/papers/", "/papers/", "/django-admin/partnership/paper/", "partnership.Paper", 50),
        Row("/resettlement/", "/resettlement/", "/django-admin/resettlement/resettlementoffer/",
            "resettlement.ResettlementOffer", 25),
        Row("/enquiries/", "/enquiries/", "/django-admin/partnership/enquiry/", "partnership.Enquiry", 50),
        Row("/notifications/", "/notifications/", "/django-admin/partnership/notification/",
            "partnership.Notification", 50),
        Row("/funding/ (register)", "/funding/", "/django-admin/funding/decision/", "funding.Decision", 50),
        Row("/funding/decisions/", "/funding/decisions/", "/django-admin/funding/decision/", "funding.Decision", 50),
        # The dashboard against the admin changelist of Action, the model of its main panels (issue
        # 12 asks for "the admin changelist of the same model"; the admin index it was compared
        # with before lists a few links and reads nothing: docs/decisions/0011, addendum).
        Row("/dashboard/", "/dashboard/", "/django-admin/partnership/action/", "partnership.Action", 10),
        # The site search has no admin of its own: the comparator is the paper changelist searched
        # with the same words (PaperAdmin.search_fields, a LIKE over every title).
        Row("/search/?q=update (88,000 match)", "/search/?q=update", "/django-admin/partnership/paper/?q=update",
            "partnership.SearchEntry", 20),
        Row("/search/?q=<reference code>", "/search/?q=ENQ-2024-00042",
            "/django-admin/partnership/paper/?q=ENQ-2024-00042", "partnership.SearchEntry", 20),
    ]
    if meeting is not None:
        rows.insert(4, Row(f"meeting page ({heavy.short_name})", f"/meetings/{meeting.pk}/",
                           f"/django-admin/partnership/meeting/{meeting.pk}/change/", "partnership.Action", 50))
        # Not the body's admin change form: it offers every paper in a select (50,000 options).
        rows.insert(5, Row(f"body page ({heavy.short_name})", f"/bodies/{heavy.pk}/",
                           "/django-admin/partnership/membership/", "partnership.Membership", 50))
    return rows


def _session_cookie(user) -> str:
    """A signed-in session for `user`, past the second step when they need one (as the sign-in's
    second step leaves it: django-otp keeps the device's id in the session)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partnership.selectors.two_factor import two_factor_required

    client = Client()
    client.force_login(user, backend="partnership.auth_backends.AccountBackend")
    if two_factor_required(user):
        device = (TOTPDevice.objects.filter(user=user, confirmed=True).first()
                  or TOTPDevice.objects.create(user=user, name="Benchmark authenticator", confirmed=True))
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _load(port: int, path: str, cookie: str, *, seconds: float, connections: int) -> Figure:
    """`connections` clients, each one request at a time, for `seconds`."""
    assert _get(port, path, cookie) == 200, f"{path} did not answer 200 (signed in?)"
    # Then `connections` requests at once, unmeasured, so that every worker has answered it: a
    # worker's first request loads the URLconf and compiles templates (a second or more), which
    # otherwise fell on the first URL measured (/actions/ of --all) and not on its admin page.
    warm = [threading.Thread(target=_get, args=(port, path, cookie)) for _ in range(connections)]
    for thread in warm:
        thread.start()
    for thread in warm:
        thread.join()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        mine, failed = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                status = _get(port, path, cookie)
            except OSError:  # a timeout or a reset: counted as an error, its time kept
                status = 0
            mine.append((time.perf_counter() - started) * 1000)
            failed += status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))] if latencies else 0.0
    return Figure(len(latencies), elapsed, statistics.median(latencies) if latencies else 0.0, p95, errors[0])


class Command(BaseCommand):
    help = "Time portal pages against the admin changelist and a bare view of the same model."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true",
                            help="every list page and the dashboard over HTTP to gunicorn (after seed_scale)")
        parser.add_argument("--user", help="email of the user to sign in as (--all: seed_scale's GLA officer)")
        parser.add_argument("--model", help="app_label.Model the pages list")
        parser.add_argument("--page", action="append", help="portal page path (repeatable)")
        parser.add_argument("--admin", help="admin changelist path for the same model")
        parser.add_argument("--rows", type=int, default=BARE_DEFAULT_ROWS,
                            help="rows the bare view reads: as many as the page shows")
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--seconds", type=float, default=5.0, help="--all: seconds of load for each URL")
        parser.add_argument("--connections", type=int, default=4, help="--all: clients at once")
        parser.add_argument("--workers", type=int, default=3, help="--all: gunicorn workers")
        parser.add_argument("--only", action="append", help="--all: only the pages whose label contains this")

    def handle(self, *args, **options):
        if options["all"]:
            return self._run_all(**options)
        if not (options["user"] and options["model"] and options["page"]):
            raise CommandError("Give --user, --model and --page (or --all).")
        with override_settings(ROOT_URLCONF=__name__):
            self._run(**options)

    def _run(self, **options):
        model = apps.get_model(options["model"])
        user = get_user_model().objects.get(email=options["user"])
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="partnership.auth_backends.AccountBackend")
        repeat = options["repeat"]

        def get(path):
            def call():
                response = client.get(path)
                assert response.status_code == 200, f"{path} answered {response.status_code}"
            return call

        rows = model.objects.count()
        bare_ms = _median_ms(get(f"/__bench_bare__/{options['model']}/?n={options['rows']}"), repeat)
        results = [(f"bare view ({options['rows']} rows of values() -> JSON, same middleware)", bare_ms)]
        if options["admin"]:
            admin_user = get_user_model().objects.filter(is_superuser=True).first()
            admin_client = Client(HTTP_HOST="127.0.0.1")
            admin_client.force_login(admin_user, backend="partnership.auth_backends.AccountBackend")
            results.append((f"admin changelist {options['admin']}",
                            _median_ms(lambda: admin_client.get(options["admin"]), repeat)))
        for path in options["page"]:
            results.append((f"portal {path}", _median_ms(get(path), repeat)))

        self.stdout.write(f"{options['model']}: {rows} rows, median of {repeat} requests each")
        admin_ms = results[1][1] if options["admin"] else None
        for label, ms in results:
            ratio_bare = ms / bare_ms
            ratio_admin = f"  {ms / admin_ms:5.2f}x admin" if admin_ms else ""
            self.stdout.write(f"  {label:60s} {ms:8.2f} ms  {ratio_bare:6.2f}x bare{ratio_admin}")

    def _run_all(self, **options):
        from lsmp.scale_data import scale_officer

        user_model = get_user_model()
        officer = user_model.objects.get(email=options["user"]) if options["user"] else scale_officer()
        if officer is None:
            raise CommandError("No seed_scale data here: run manage.py seed_scale --rows 100000 first.")
        admin = user_model.objects.filter(is_superuser=True, is_active=True).first()
        if admin is None:
            admin = user_model.objects.create_superuser(email="scale.admin@example.org",
                                                        full_name="Scale Admin (invented)")
        officer_cookie, admin_cookie = _session_cookie(officer), _session_cookie(admin)
        pages = [row for row in _pages() if not options["only"] or any(o in row.label for o in options["only"])]

        port = _free_port()
        env = {**os.environ, "DEBUG": "false", "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"]}
        server = subprocess.Popen(  # noqa: S603 - our own gunicorn, arguments built here
            [os.path.join(os.path.dirname(sys.executable), "gunicorn"),
             "lsmp.bench_wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(options["workers"]), "--log-level", "warning", "--timeout", "120"],
            env=env, stdout=subprocess.DEVNULL)
        try:
            self._wait_for(port, server)
            seconds, connections = options["seconds"], options["connections"]
            self.stdout.write(f"gunicorn: {options['workers']} workers; {connections} connections, "
                              f"{seconds:g} s per URL; {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
            header = (f"| {'page':34s} | req/s | p50 ms | p95 ms | admin req/s | admin p95 | × admin "
                      f"| bare req/s | × bare |")
            self.stdout.write(header)
            self.stdout.write("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
            for row in pages:
                page = _load(port, row.page, officer_cookie, seconds=seconds, connections=connections)
                admin_figure = (_load(port, row.admin, admin_cookie, seconds=seconds, connections=connections)
                                if row.admin else None)
                bare = _load(port, f"/__bench_bare__/{row.model}/?n={row.rows}", officer_cookie,
                             seconds=seconds, connections=connections)
                versus_admin = (f"{page.per_second / admin_figure.per_second:7.2f}"
                                if admin_figure and admin_figure.per_second else "      -")
                self.stdout.write(
                    f"| {row.label:34s} | {page.per_second:5.1f} | {page.p50:6.0f} | {page.p95:6.0f} | "
                    f"{admin_figure.per_second if admin_figure else 0:11.1f} | "
                    f"{admin_figure.p95 if admin_figure else 0:9.0f} | {versus_admin} | "
                    f"{bare.per_second:10.1f} | {page.per_second / bare.per_second:6.2f} |")
                failed = page.errors + bare.errors + (admin_figure.errors if admin_figure else 0)
                if failed:
                    self.stderr.write(f"  {row.label}: {failed} responses were not 200")
        finally:
            server.terminate()
            server.wait(timeout=30)

    def _wait_for(self, port, server):
        for _ in range(100):
            if server.poll() is not None:
                raise CommandError("gunicorn stopped at start (see its output above).")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise CommandError("gunicorn did not start listening.")
