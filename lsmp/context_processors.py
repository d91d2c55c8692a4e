from django.urls import reverse

from partnership.common.navigation import NavEntry, signed_in
from partnership.selectors.two_factor import second_step_pending

from .navigation import app_entries

_SITE_ENTRIES = [
    NavEntry("Home", "home", 0, lambda user: True),
    NavEntry("Dashboard", "dashboard", 10, signed_in),
]


def navigation(request):
    """The service navigation for this user: each app's entries the user's role may see."""
    user = getattr(request, "user", None)
    if user is None or second_step_pending(user):
        # Half-way through signing in, every entry would lead back to the second step.
        return {"nav_items": []}
    entries = sorted(_SITE_ENTRIES + app_entries(), key=lambda entry: entry.order)
    items = []
    for entry in entries:
        if not entry.shown_to(user):
            continue
        href = reverse(entry.url_name)
        current = request.path == href if entry.url_name == "home" else request.path.startswith(href)
        items.append({"label": entry.label, "href": href, "current": current})
    # Only the closest entry is current: /funding/streams/ is under both Decisions (/funding/)
    # and Funding streams (/funding/streams/), and two underlined items read as a mistake.
    closest = max((item["href"] for item in items if item["current"]), key=len, default=None)
    for item in items:
        item["current"] = item["href"] == closest
    return {"nav_items": items}
