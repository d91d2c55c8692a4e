from django.urls import path

from .views import accounts, notifications

app_name = "partnership"

urlpatterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
    path("account/email-settings/", notifications.notification_preferences, name="notification_preferences"),
    path("notifications/", notifications.notification_log, name="notification_log"),
    path("notifications/<int:pk>/retry/", notifications.notification_retry_view, name="notification_retry"),
]
