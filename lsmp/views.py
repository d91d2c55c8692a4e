"""Site-wide pages: the public home page, the signed-in dashboard, the statements, health."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from partnership.common.access import permission_required

from .dashboard import panels_for, todo_from
from .health import broker_is_reachable, database_is_reachable
from .heartbeat import worker_problem
from .i18n import is_supported, is_translated_page, page_in
from .translations import translation_report


@require_safe
def home(request):
    return render(request, "lsmp/home.html")


@require_safe
@login_required
def dashboard(request):
    panels = panels_for(request.user)
    return render(request, "lsmp/dashboard.html", {"panels": panels, "todo": todo_from(panels)})


@require_safe
def accessibility_statement(request):
    return render(request, "lsmp/accessibility.html")


@require_safe
def privacy_notice(request):
    return render(request, "lsmp/privacy.html")


@require_safe
@never_cache
def choose_language(request):
    """The language switcher's links: remembers the choice (a cookie the visitor asked for, so
    no consent is needed) and opens the page they were on in that language. Anything but one of
    the portal's languages and one of its own translated pages goes to the home page."""
    code = request.GET.get("lang", "")
    if not is_supported(code):
        code = settings.LANGUAGE_CODE
    next_path = request.GET.get("next", "/")
    if not (url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()},
                                            require_https=request.is_secure())
            and next_path.startswith("/") and is_translated_page(next_path)):
        next_path = "/"
    response = redirect(page_in(next_path, code))
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=request.is_secure(),
                        httponly=True)
    return response


@require_safe
@permission_required("partnership.triage_enquiries")
def translation_status(request):
    """For GLA officers: the public pages' languages, how much of each is translated, whether a
    fluent speaker has reviewed it, and how to send a file for review."""
    return render(request, "lsmp/translations.html", {"languages": translation_report()})


@require_safe
@never_cache
def health(request):
    """200 when the database and the broker answer and a worker was seen recently; otherwise 503
    with what is wrong (for monitoring; emails wait while the worker is away)."""
    problems = []
    checks = {"database": database_is_reachable(), "broker": broker_is_reachable()}
    if not checks["database"]:
        problems.append("the database does not answer")
    if not checks["broker"]:
        problems.append("the broker (Celery's Redis) does not answer")
    worker = (worker_problem() if checks["database"]
              else "the worker heartbeat cannot be read while the database does not answer")
    checks["worker"] = worker is None
    if worker:
        problems.append(worker)
    healthy = not problems
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks, "problems": problems},
        status=200 if healthy else 503,
    )
