from django.contrib import admin
from django.urls import include, path

from partnership.urls import account_patterns

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("health/", views.health, name="health"),
    path("accounts/", include(account_patterns)),
    path("", include("partnership.urls")),
    path("task-groups/", include("taskgroups.urls")),
    path("resettlement/", include("resettlement.urls")),
    path("esol/", include("esol.urls")),
    path("funding/", include("funding.urls")),
    path("django-admin/", admin.site.urls),
]
