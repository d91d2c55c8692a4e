"""Response headers Django has no setting for, and the sliding session expiry without a write
on every request."""

import time

from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": []} -> "camera=()"; {"fullscreen": ["self"]} -> "fullscreen=(self)"."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    """Sends PERMISSIONS_POLICY on every response, so that no page (nor anything injected into
    one) can ask the browser for a camera, a microphone, the location, a payment and the like:
    the portal uses none of them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


# When the session was last saved (whole seconds since the epoch), kept in the session itself.
SESSION_REFRESHED_KEY = "_lsmp_refreshed_at"


def mark_session_refreshed(sender, request, user, **kwargs):
    """user_logged_in: signing in saves the session anyway, so the refresh clock starts there (and
    the first request after signing in does not save it again)."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_REFRESHED_KEY] = int(time.time())


class SessionRefreshMiddleware:
    """Slides a signed-in session's expiry at most once every SESSION_REFRESH_SECONDS: the session
    is marked modified (so SessionMiddleware saves it, with a new expiry) only when its last save
    is older than that, or when the view changed it anyway. Replaces SESSION_SAVE_EVERY_REQUEST,
    which wrote the session row on every GET (issue 12). Comes after SessionMiddleware, so it sees
    the response first. lsmp.sessions stores sessions the refresh interval longer, so none ends
    before 30 minutes without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response
        now = int(time.time())
        refreshed = session.get(SESSION_REFRESHED_KEY, 0)
        if session.modified or not isinstance(refreshed, int) or now - refreshed >= settings.SESSION_REFRESH_SECONDS:
            session[SESSION_REFRESHED_KEY] = now
        return response
