"""Access helpers every app's views use. Anonymous visitors are sent to sign in; a signed-in
user without the permission gets 403 for a page and 404 for an object outside their scope, so
that ids cannot be probed."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404


def permission_required(perm: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def scoped_object_or_404(queryset, **lookup):
    """One object from a queryset already scoped to the user (QuerySet.visible_to(user))."""
    return get_object_or_404(queryset, **lookup)


def object_permission_or_404(user, perm: str, obj) -> None:
    """For a change to an object the user can see but may not alter: still 404, never a hint."""
    if not user.has_perm(perm, obj):
        from django.http import Http404

        raise Http404
