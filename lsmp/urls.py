from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from partnership.enquiries.urls import public_patterns as contact_patterns
from partnership.urls import account_patterns

from . import views

# Pages only signed-in people use, and the public pages that are in English only: no prefix,
# always English (LocaleMiddleware activates LANGUAGE_CODE for every unprefixed URL).
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("health/", views.health, name="health"),
    path("language/", views.choose_language, name="choose_language"),
    path("translations/", views.translation_status, name="translation_status"),
    path("accounts/", include(account_patterns)),
    path("", include("partnership.urls")),
    path("task-groups/", include("taskgroups.urls")),
    path("resettlement/", include("resettlement.urls")),
    path("esol/", include("esol.urls")),
    path("funding/", include("funding.urls")),
    path("django-admin/", admin.site.urls),
]

# The public pages in English and the ten community languages: /contact/ in English, /ar/contact/
# in Arabic and so on (docs/decisions/0010-public-form-in-ten-languages.md). lsmp.i18n lists
# their URL names (TRANSLATED_PAGES) for the language switcher and the remembered choice.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy_notice, name="privacy"),
    *contact_patterns,
    prefix_default_language=False,
)
