"""URLs of email settings and the delivery log (joined into partnership.urls, namespace
"partnership")."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/email-settings/", views.notification_preferences, name="notification_preferences"),
    path("notifications/", views.notification_log, name="notification_log"),
    path("notifications/<int:pk>/retry/", views.notification_retry_view, name="notification_retry"),
]
