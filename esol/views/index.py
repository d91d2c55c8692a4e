"""The ESOL front page: what ESOL Plus is, the way into the provision directory for everyone, and
for each signed-in role the way to their own part of it."""

from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def index(request):
    user = request.user
    return render(request, "esol/index.html", {
        "can_view_rounds": user.has_perm("esol.view_rounds"),
        "can_view_projects": user.has_perm("esol.view_projects"),
        "can_manage_provision": user.has_perm("esol.manage_provision")})
