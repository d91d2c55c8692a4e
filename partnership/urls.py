from django.urls import path

from .views import accounts

app_name = "partnership"

urlpatterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
]
