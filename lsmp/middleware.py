"""Response headers Django has no setting for, the sliding session expiry without a write on
every request, and the public pages' language for visitors who arrive without a prefix."""

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


class PublicLanguageMiddleware:
    """After LocaleMiddleware: a translated public page asked for without a language prefix (a
    link in English, a bookmark, the address typed) is sent on to the visitor's language when
    they chose one before (the language cookie, set by the switcher) or, if they never chose,
    when their browser asks for one of the ten first. Only GET and HEAD; a visitor who chose
    English stays on the English page. Signed-in pages are never redirected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.shortcuts import redirect
        from django.utils import translation
        from django.utils.cache import patch_vary_headers

        from lsmp.i18n import is_translated_page, page_in

        if request.method in ("GET", "HEAD") and not translation.get_language_from_path(request.path_info) \
                and is_translated_page(request.path_info):
            wanted = translation.get_language_from_request(request, check_path=False)
            if wanted != settings.LANGUAGE_CODE:
                target = page_in(request.path, wanted)
                if target != request.path:
                    query = request.META.get("QUERY_STRING")
                    response = redirect(f"{target}?{query}" if query else target)
                    patch_vary_headers(response, ("Cookie", "Accept-Language"))
                    return response
            response = self.get_response(request)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            return response
        return self.get_response(request)
