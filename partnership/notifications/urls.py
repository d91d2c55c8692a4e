"""URLs of email settings and the delivery log (joined into partnership.urls, namespace
"partnership")."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/email-settings/", views.notification_preferences, name="notification_preferences"),
    path("notifications/", views.notification_log, name="notification_log"),
    path("notifications/<int:pk>/retry/", views.notification_retry_view, name="notification_retry"),
    # Follow: the public's email alerts, managed through signed links (no account).
    path("follow/", views.follow, name="follow"),
    path("follow/check-your-email/", views.follow_requested, name="follow_requested"),
    path("follow/confirm/<str:token>/", views.follow_confirm, name="follow_confirm"),
    path("follow/unsubscribe/<str:token>/", views.follow_unsubscribe, name="follow_unsubscribe"),
    path("follow/unsubscribe-all/<str:token>/", views.follow_unsubscribe_all, name="follow_unsubscribe_all"),
    path("follow/unsubscribed/", views.follow_unsubscribed, name="follow_unsubscribed"),
    path("follow/manage/<str:token>/", views.follow_manage, name="follow_manage"),
    path("follow/counts/", views.follow_counts, name="follow_counts"),
]
