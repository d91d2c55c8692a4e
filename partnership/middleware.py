"""Two-factor authentication is enforced here, for every page at once: a GLA officer or
superuser who has signed in with their password but not yet with a code may open only the
second step (or the set-up, if they have no authenticator app yet), the sign-out and the
public statements. Anything else sends them to that step, remembering where they were going."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from partnership.selectors.two_factor import confirmed_authenticator, second_step_pending

OPEN_DURING_SECOND_STEP = frozenset({
    "two_factor_verify", "two_factor_recovery", "two_factor_setup", "two_factor_qr_code",
    "logout", "accessibility", "privacy", "health",
})


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not second_step_pending(request.user):
            return None
        if request.resolver_match.view_name in OPEN_DURING_SECOND_STEP:
            return None
        step = "two_factor_verify" if confirmed_authenticator(request.user) else "two_factor_setup"
        query = urlencode({"next": request.get_full_path()}) if request.method in ("GET", "HEAD") else ""
        return redirect(f"{reverse(step)}?{query}" if query else reverse(step))
