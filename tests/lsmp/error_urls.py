"""A test-only URLconf: the site's URLs plus two views that fail, to reach the styled error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from lsmp.urls import urlpatterns as site_urlpatterns


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("a bug the error page must hide")


urlpatterns = [
    path("test-errors/forbidden/", _forbidden),
    path("test-errors/broken/", _broken),
    # The site's own list, not include(): its language-prefixed patterns (i18n_patterns) may
    # only sit in a root URLconf.
    *site_urlpatterns,
]
