"""URLs of actions (joined into partnership.urls, namespace "partnership")."""

from django.urls import path

from .views import actions

urlpatterns = [
    path("actions/", actions.action_list, name="action_list"),
    path("actions/export.csv", actions.action_export, name="action_export"),
    path("actions/new/", actions.action_new, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/updates/new/", actions.action_update_new, name="action_update_create"),
    path("actions/<int:pk>/done/", actions.action_done, name="action_mark_done"),
    path("actions/<int:pk>/history/", actions.action_history_view, name="action_history"),
    path("my-actions/", actions.action_mine, name="my_actions"),
]
