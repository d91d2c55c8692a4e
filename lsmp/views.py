"""Site-wide pages: the public home page, the signed-in dashboard, the statements, health."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .dashboard import panels_for
from .health import broker_is_reachable, database_is_reachable


@require_safe
def home(request):
    return render(request, "lsmp/home.html")


@require_safe
@login_required
def dashboard(request):
    return render(request, "lsmp/dashboard.html", {"panels": panels_for(request.user)})


@require_safe
def accessibility_statement(request):
    return render(request, "lsmp/accessibility.html")


@require_safe
def privacy_notice(request):
    return render(request, "lsmp/privacy.html")


@require_safe
@never_cache
def health(request):
    database, broker = database_is_reachable(), broker_is_reachable()
    healthy = database and broker
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": {"database": database, "broker": broker}},
        status=200 if healthy else 503,
    )
