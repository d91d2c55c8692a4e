"""Site-wide pages: the public home page, the signed-in dashboard, the statements, health."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .dashboard import panels_for, todo_from
from .health import broker_is_reachable, database_is_reachable
from .heartbeat import worker_problem


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
