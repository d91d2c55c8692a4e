"""URLs of papers (joined into partnership.urls, namespace "partnership")."""

from django.urls import path

from .views import papers

urlpatterns = [
    path("papers/", papers.paper_list, name="paper_list"),
    path("papers/upload/", papers.paper_upload, name="paper_upload"),
    path("papers/body/<int:body_id>/", papers.paper_body_list, name="paper_body_list"),
    path("papers/meeting/<int:meeting_id>/", papers.paper_meeting_list, name="paper_meeting_list"),
    path("papers/<int:pk>/", papers.paper_detail, name="paper_detail"),
    path("papers/<int:pk>/download/", papers.paper_download, name="paper_download"),
    path("papers/<int:pk>/edit/", papers.paper_edit, name="paper_edit"),
    path("papers/<int:pk>/publish/", papers.paper_publish, name="paper_publish"),
    path("papers/<int:pk>/unpublish/", papers.paper_unpublish, name="paper_unpublish"),
]
