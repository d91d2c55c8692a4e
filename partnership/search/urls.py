"""The site search's URL (namespace "partnership", included by partnership/urls.py)."""

from django.urls import path

from . import views

search_patterns = [
    path("search/", views.search_page, name="search"),
]
