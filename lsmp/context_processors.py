from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry, signed_in
from partnership.selectors.two_factor import second_step_pending

from .i18n import TRANSLATED_PAGES
from .navigation import app_entries


def _anonymous(user):
    return not user.is_authenticated


_SITE_ENTRIES = [
    # Signed in, the dashboard is the start; the header's title still leads home.
    NavEntry(_("Home"), "home", 0, _anonymous),
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
    # On a translated page, say which links lead to pages that are in English only, and name a
    # group by its (translated) landing entry rather than by the group's English name.
    on_translated_page = get_language() != settings.LANGUAGE_CODE

    groups: dict[str, list] = {}
    account_items = []
    for entry, href in shown:
        english_only = on_translated_page and entry.url_name not in TRANSLATED_PAGES
        item = {"label": entry.label, "href": href, "current": entry is current,
                "hreflang": "en" if english_only else ""}
        if entry.account:
            account_items.append(item)
        else:
            groups.setdefault(str(entry.group_label), []).append(item)
    nav_items, section_items = [], []
    for label, items in groups.items():
        landing = next((item for item in items if str(item["label"]) == label), items[0])
        in_group = any(item["current"] for item in items)
        # A group the user sees one entry of is named by that entry ("Find ESOL" for the public).
        named_by_group = len(items) > 1 and not on_translated_page
        nav_items.append({"label": label if named_by_group else landing["label"], "href": landing["href"],
                          "current": in_group, "hreflang": landing["hreflang"]})
        if in_group and len(items) > 1:
            section_items = items
    return {"nav_items": nav_items, "section_items": section_items, "account_items": account_items,
            "current_section": next((item["label"] for item in nav_items if item["current"]), "")}


def language(request):
    """<html lang dir> for every page, and on the translated public pages the language switcher
    and the alternate-language links."""
    from django.utils import translation

    from .i18n import alternate_links, direction, html_lang, is_translated_page, switcher_links

    code = translation.get_language() or settings.LANGUAGE_CODE
    context = {"html_lang": html_lang(code), "html_dir": direction(code), "translated_page": False}
    match = getattr(request, "resolver_match", None)
    if match is not None and is_translated_page(request.path_info):
        context.update(translated_page=True, language_links=switcher_links(request.path),
                       alternate_links=alternate_links(request.path))
    return context
