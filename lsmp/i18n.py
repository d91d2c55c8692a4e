"""The public pages' languages: which pages are translated, the language each page is in, and the
links of the language switcher. Signed-in officers' pages are English only; the reasons are in
docs/decisions/0010-public-form-in-ten-languages.md."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

# URL names of the pages that exist in every language (lsmp.urls' i18n_patterns).
TRANSLATED_PAGES = frozenset({"home", "privacy", "contact", "contact_check", "contact_sent"})


def html_lang(code: str) -> str:
    """The BCP 47 tag for <html lang>: en-gb -> en-GB, zh-hans -> zh-Hans, ar -> ar."""
    language, _, variant = code.partition("-")
    if not variant:
        return language
    return f"{language}-{variant.title() if len(variant) > 2 else variant.upper()}"


def direction(code: str) -> str:
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


def is_supported(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def language_of(path: str) -> str:
    """The language a path is in: its prefix, or English for an unprefixed path."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def is_translated_page(path: str) -> bool:
    try:
        with translation.override(language_of(path)):
            match = resolve(path)
    except Resolver404:
        return False
    return not match.namespace and match.url_name in TRANSLATED_PAGES


def page_in(path: str, code: str) -> str:
    """The same translated page in another language: /contact/ -> /ar/contact/ and back."""
    with translation.override(language_of(path)):
        return translate_url(path, code)


def switcher_links(path: str) -> list[dict]:
    """One entry per language: its name in itself, its BCP 47 tag and direction, and the link that
    remembers the choice and opens this page in it. The current language has no link."""
    current = translation.get_language()
    return [{"code": code, "name": name, "lang": html_lang(code), "dir": direction(code),
             "href": f"{reverse('choose_language')}?{urlencode({'lang': code, 'next': path})}",
             "current": code == current}
            for code, name in settings.LANGUAGES]


def alternate_links(path: str) -> list[dict]:
    """<link rel="alternate" hreflang> for search engines and bookmarks: the page in each language."""
    return [{"hreflang": html_lang(code), "href": page_in(path, code)} for code, _ in settings.LANGUAGES]
