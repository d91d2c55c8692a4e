"""An authentication backend that refuses every sign-in from a connection with too many recent
failures, before any password is checked. It sits after axes' backend and before the one that
checks passwords, so it covers every sign-in form (the portal's and Django admin's). It has
no get_user: it never signs anyone in, so a session can never name it."""

from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings

from partnership.selectors.sign_in_limits import address_is_throttled


class SignInAddressThrottleBackend:
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.AXES_ENABLED or request is None or not address_is_throttled(request):
            return None
        # axes' middleware turns the flagged request into the refusal page (sign_in_refused);
        # its handler records nothing for a refused attempt (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
        request.axes_locked_out = True
        request.sign_in_address_throttled = True
        raise AxesBackendPermissionDenied("Too many failed sign-ins from this connection")
