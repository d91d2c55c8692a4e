"""The portal's authentication backends.

SignInAddressThrottleBackend refuses every sign-in from a connection with too many recent
failures, before any password is checked. It sits after axes' backend and before the one that
checks passwords, so it covers every sign-in form (the portal's and Django admin's). It has no
get_user: it never signs anyone in, so a session can never name it.

AccountBackend checks passwords (Django's ModelBackend) and reads the signed-in user's roles in
the same query as the user."""

from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import StringAgg, Value

from partnership.selectors.sign_in_limits import address_is_throttled

# Between role (group) names in the one string the user query reads them as; no name holds it.
ROLE_SEPARATOR = "\n"


class SignInAddressThrottleBackend:
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.AXES_ENABLED or request is None or not address_is_throttled(request):
            return None
        # axes' middleware turns the flagged request into the refusal page (sign_in_refused);
        # its handler records nothing for a refused attempt (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
        request.axes_locked_out = True
        request.sign_in_address_throttled = True
        raise AxesBackendPermissionDenied("Too many failed sign-ins from this connection")


class AccountBackend(ModelBackend):
    """Django's password backend, reading a signed-in user's roles with the user. Every page asks
    the roles (the GLA-officer checks, the two-factor rule, the navigation): read apart they were
    a second query on every request (issue 12)."""

    def get_user(self, user_id):
        user = (get_user_model()._default_manager.filter(pk=user_id)
                .annotate(role_list=StringAgg("groups__name", Value(ROLE_SEPARATOR), default=Value("")))
                .first())
        if user is None or not self.user_can_authenticate(user):
            return None
        user.__dict__["role_names"] = frozenset(filter(None, user.role_list.split(ROLE_SEPARATOR)))
        return user
