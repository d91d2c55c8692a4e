"""Response headers Django has no setting for."""

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
