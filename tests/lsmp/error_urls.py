"""A test-only URLconf: the site's URLs plus two views that fail, to reach the styled error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("a bug the error page must hide")


urlpatterns = [
    path("test-errors/forbidden/", _forbidden),
    path("test-errors/broken/", _broken),
    path("", include("lsmp.urls")),
]
