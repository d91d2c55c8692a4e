"""Benchmark: time portal pages against Django's admin changelist and a bare view of the same
rows, in-process with the test client, and print medians and ratios. Not a test: figures for
notes and planning. Example:

    manage.py bench_pages --user officer@example.org --model partnership.Action \\
        --page /actions/ --admin /django-admin/partnership/action/
"""

import statistics
import time

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.http import JsonResponse
from django.test import Client, override_settings
from django.urls import path as url_path

from lsmp import urls as portal_urls


def bare_view(request, label):
    """The least a page can do through the same middleware: read the rows, serialise them."""
    rows = list(apps.get_model(label).objects.values())
    return JsonResponse({"rows": rows}, json_dumps_params={"default": str})


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


class Command(BaseCommand):
    help = "Time a portal page against the admin changelist and a bare view of the same model."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="email of the user to sign in as")
        parser.add_argument("--model", required=True, help="app_label.Model the pages list")
        parser.add_argument("--page", action="append", required=True, help="portal page path (repeatable)")
        parser.add_argument("--admin", help="admin changelist path for the same model")
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, **options):
        with override_settings(ROOT_URLCONF=__name__):
            self._run(**options)

    def _run(self, **options):
        model = apps.get_model(options["model"])
        user = get_user_model().objects.get(email=options["user"])
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        repeat = options["repeat"]

        def get(path):
            def call():
                response = client.get(path)
                assert response.status_code == 200, f"{path} answered {response.status_code}"
            return call

        rows = model.objects.count()
        bare_ms = _median_ms(get(f"/__bench_bare__/{options['model']}/"), repeat)
        results = [("bare view (values() -> JSON, same middleware)", bare_ms)]
        if options["admin"]:
            admin_user = get_user_model().objects.filter(is_superuser=True).first()
            admin_client = Client(HTTP_HOST="127.0.0.1")
            admin_client.force_login(admin_user, backend="django.contrib.auth.backends.ModelBackend")
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
