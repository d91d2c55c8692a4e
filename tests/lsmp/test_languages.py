"""The public pages in English and the ten community languages: language in the URL, <html lang
dir> on every page, the switcher, the remembered choice, and signed-in pages in English."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from lsmp.i18n import html_lang
from tests.factories.partnership import gla_officer
from tests.support.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("page", ["", "contact/", "privacy/"])
def test_each_translated_page_says_its_language_and_direction(client, code, page):
    prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
    response = client.get(f"{prefix}/{page}")
    assert response.status_code == 200
    direction = "rtl" if code in ("ar", "ur") else "ltr"
    assert f'lang="{html_lang(code)}" dir="{direction}"' in _html_tag(response)
    with translation.override(code):
        heading = translation.gettext("Contact the Migration Team" if page == "contact/" else
                                      "Privacy notice" if page else "London Strategic Migration Partnership")
    assert heading in response.content.decode()


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one(client):
    html = client.get("/bn/contact/").content.decode()
    switcher = html[html.index("lsmp-language-switcher"):html.index("</nav>", html.index("lsmp-language-switcher"))]
    for name in ("English", "العربية", "বাংলা", "中文", "Ελληνικά", "ગુજરાતી", "हिन्दी", "ਪੰਜਾਬੀ", "Türkçe",
                 "اردو", "Tiếng Việt"):
        assert f">{name}<" in switcher, name
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in switcher
    assert '<span class="lsmp-language-switcher__current" lang="bn" dir="ltr" aria-current="true">বাংলা</span>' \
        in switcher
    # Search engines and bookmarks find each language's page.
    assert '<link rel="alternate" hreflang="ar" href="/ar/contact/">' in html
    assert '<link rel="alternate" hreflang="en-GB" href="/contact/">' in html


def test_choosing_a_language_is_remembered(client):
    response = client.get("/language/", {"lang": "ar", "next": "/contact/"})
    assert response.status_code == 302 and response["Location"] == "/ar/contact/"
    assert response.cookies[COOKIE].value == "ar" and response.cookies[COOKIE]["httponly"]
    # Later, an English link or a bookmark to a translated page opens it in Arabic.
    response = client.get("/privacy/")
    assert response.status_code == 302 and response["Location"] == "/ar/privacy/"
    assert "Cookie" in response["Vary"]
    # Choosing English again stays in English.
    assert client.get("/language/", {"lang": "en-gb", "next": "/ar/privacy/"})["Location"] == "/privacy/"
    assert client.get("/privacy/").status_code == 200


def test_a_first_visit_follows_the_browser_language(client):
    response = client.get("/contact/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9,en;q=0.5")
    assert response["Location"] == "/zh-hans/contact/"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/contact/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").status_code == 200
    assert client.get("/contact/", HTTP_ACCEPT_LANGUAGE="fr-FR").status_code == 200  # not one of ours


@pytest.mark.parametrize("next_path", ["https://evil.example/", "//evil.example/", "/dashboard/", "/enquiries/",
                                       "/nowhere/"])
def test_the_switcher_only_goes_to_the_portal_s_own_translated_pages(client, next_path):
    response = client.get("/language/", {"lang": "tr", "next": next_path})
    assert response["Location"] == "/tr/"


def test_an_unknown_language_is_english(client):
    response = client.get("/language/", {"lang": "xx", "next": "/contact/"})
    assert response["Location"] == "/contact/" and response.cookies[COOKIE].value == settings.LANGUAGE_CODE


def test_signed_in_pages_stay_english_whatever_was_chosen(client):
    officer = gla_officer()
    sign_in_fully(client, officer)
    client.cookies[COOKIE] = "ar"
    response = client.get("/enquiries/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert 'lang="en-GB" dir="ltr"' in _html_tag(response)
    assert "lsmp-language-switcher" not in response.content.decode()
    # Officer pages have no language prefix.
    assert client.get("/ar/enquiries/").status_code == 404


def test_the_page_not_found_is_in_the_language_of_its_address(client):
    response = client.get("/gu/no-such-page/")
    assert response.status_code == 404
    assert 'lang="gu"' in _html_tag(response)
    with translation.override("gu"):
        assert translation.gettext("Page not found") in response.content.decode()


def test_the_navigation_of_a_translated_page_says_which_links_are_english_only(client):
    html = client.get("/ar/").content.decode()
    nav = html[html.index('class="govuk-service-navigation'):html.index("</section>")]
    assert 'href="/ar/contact/"' in nav and 'href="/meetings/" hreflang="en"' in nav
    with translation.override("ar"):
        assert translation.gettext("Contact us") in nav
    assert 'href="/accessibility/" hreflang="en"' in html


def test_the_officers_page_lists_the_languages_coverage_and_review(client):
    sign_in_fully(client, gla_officer())
    html = client.get("/translations/").content.decode()
    assert html.count("Not reviewed") == 10
    assert html.count("100%") == 10
    assert "Bengali" in html and "বাংলা" in html and "locale/bn/LC_MESSAGES/django.po" in html
    assert "X-Reviewed-By-Fluent-Speaker" in html


def test_the_stylesheet_falls_back_to_faces_with_the_indian_scripts():
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text(encoding="utf-8")
    stack = re.search(r"\.govuk-body,\.govuk-body-m\{[^}]*font-family:([^;]+);", css).group(1)
    for face in ("Noto Sans Bengali", "Noto Sans Devanagari", "Noto Sans Gujarati", "Noto Sans Gurmukhi"):
        assert f'"{face}"' in stack, face
    assert stack.startswith("arial,")


def test_the_header_search_is_in_the_page_s_language(client):
    html = client.get("/ar/").content.decode()
    assert 'aria-label="البحث في الموقع"' in html and ">ابحث في البوابة</label>" in html and ">بحث</button>" in html
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'aria-label="Site search"' in english and ">Search</button>" in english
