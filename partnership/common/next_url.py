"""Where a form returns to after it is saved: a `next` address from the query string, when it
points back into this site (a meeting page that linked to "Record an action", say).

Anything else (another host, another scheme, a protocol-relative //host address) is ignored,
so a crafted link cannot send an officer off the portal after they save."""

from django.utils.http import url_has_allowed_host_and_scheme

NEXT_PARAMETER = "next"


def safe_next_url(request) -> str:
    """The `next` address of the request if it is safe to redirect to, else ""."""
    candidate = request.GET.get(NEXT_PARAMETER, "")
    if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return candidate
    return ""
