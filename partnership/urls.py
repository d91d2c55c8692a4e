from django.urls import path

from .views import accounts

app_name = "partnership"

urlpatterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
]

# Papers and actions keep their URL lists in their own modules (same namespace).
from . import urls_actions, urls_papers  # noqa: E402

urlpatterns += urls_papers.urlpatterns + urls_actions.urlpatterns
