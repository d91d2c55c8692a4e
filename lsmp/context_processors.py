from django.urls import reverse

from partnership.common.navigation import NavEntry, signed_in
from partnership.selectors.two_factor import second_step_pending

from .navigation import app_entries


def _anonymous(user):
    return not user.is_authenticated


_SITE_ENTRIES = [
    # Signed in, the dashboard is the start; the header's title still leads home.
    NavEntry("Home", "home", 0, _anonymous),
    NavEntry("Dashboard", "dashboard", 10, signed_in),
]


def navigation(request):
    """The service navigation for this user: one link per group of the entries the user's role may
    see (`nav_items`), the links of the group this page is in (`section_items`), and the account
    links shown with Sign out (`account_items`)."""
    user = getattr(request, "user", None)
    if user is None or second_step_pending(user):
        # Half-way through signing in, every entry would lead back to the second step.
        return {"nav_items": [], "section_items": [], "account_items": []}
    entries = sorted(_SITE_ENTRIES + app_entries(), key=lambda entry: entry.order)
    shown = [(entry, reverse(entry.url_name)) for entry in entries if entry.shown_to(user)]
    # Only the closest entry is current: /funding/streams/ is under both Decisions (/funding/)
    # and Funding streams (/funding/streams/), and two underlined items read as a mistake.
    matching = [(entry, href) for entry, href in shown
                if (request.path == href if entry.url_name == "home" else request.path.startswith(href))]
    current = max(matching, key=lambda pair: len(pair[1]), default=(None, None))[0]

    groups: dict[str, list] = {}
    account_items = []
    for entry, href in shown:
        item = {"label": entry.label, "href": href, "current": entry is current}
        if entry.account:
            account_items.append(item)
        else:
            groups.setdefault(entry.group_label, []).append(item)
    nav_items, section_items = [], []
    for label, items in groups.items():
        landing = next((item for item in items if item["label"] == label), items[0])
        in_group = any(item["current"] for item in items)
        # A group the user sees one entry of is named by that entry ("Find ESOL" for the public).
        nav_items.append({"label": label if len(items) > 1 else items[0]["label"], "href": landing["href"],
                          "current": in_group})
        if in_group and len(items) > 1:
            section_items = items
    return {"nav_items": nav_items, "section_items": section_items, "account_items": account_items,
            "current_section": next((item["label"] for item in nav_items if item["current"]), "")}
