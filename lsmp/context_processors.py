from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry, signed_in
from partnership.selectors.two_factor import second_step_pending

from .i18n import TRANSLATED_PAGES
from .navigation import app_entries

_SITE_ENTRIES = [
    NavEntry(_("Home"), "home", 0, lambda user: True),
    NavEntry("Dashboard", "dashboard", 10, signed_in),
]


def navigation(request):
    """The service navigation for this user: each app's entries the user's role may see."""
    user = getattr(request, "user", None)
    if user is None or second_step_pending(user):
        # Half-way through signing in, every entry would lead back to the second step.
        return {"nav_items": []}
    entries = sorted(_SITE_ENTRIES + app_entries(), key=lambda entry: entry.order)
    english_page_from_translation = get_language() != settings.LANGUAGE_CODE
    items = []
    for entry in entries:
        if not entry.shown_to(user):
            continue
        href = reverse(entry.url_name)
        current = request.path == href if entry.url_name == "home" else request.path.startswith(href)
        # On a translated page, say which links lead to pages that are in English only.
        english_only = english_page_from_translation and entry.url_name not in TRANSLATED_PAGES
        items.append({"label": entry.label, "href": href, "current": current,
                      "hreflang": "en" if english_only else ""})
    # Only the closest entry is current: /funding/streams/ is under both Decisions (/funding/)
    # and Funding streams (/funding/streams/), and two underlined items read as a mistake.
    closest = max((item["href"] for item in items if item["current"]), key=len, default=None)
    for item in items:
        item["current"] = item["href"] == closest
    return {"nav_items": items}


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
