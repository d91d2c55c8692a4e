from django.urls import path

from . import views

app_name = "resettlement"

urlpatterns = [
    path("", views.offer_list, name="offer_list"),
    path("offers.csv", views.offer_list_export, name="offer_list_export"),
    path("figures/", views.figures, name="figures"),
    path("figures.csv", views.figures_export, name="figures_export"),
    path("offers/new/", views.offer_create, name="offer_create"),
    path("offers/new/community-sponsorship/", views.sponsorship_offer_create, name="sponsorship_offer_create"),
    path("offers/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/change/", views.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/check/", views.offer_check_answers, name="offer_check_answers"),
    path("offers/<int:pk>/history/", views.offer_history, name="offer_history"),
    path("offers/<int:pk>/status/", views.offer_transition, name="offer_transition"),
    path("offers/<int:pk>/arrivals/new/", views.arrival_create, name="arrival_create"),
    path("offers/<int:pk>/export.csv", views.offer_export, name="offer_export"),
    path("sponsorship-groups/", views.sponsorship_group_list, name="sponsorship_group_list"),
    path("sponsorship-groups/new/", views.sponsorship_group_create, name="sponsorship_group_create"),
]
