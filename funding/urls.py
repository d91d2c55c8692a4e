from django.urls import path, register_converter

from . import views


class ReferenceCodeConverter:
    """MD2628, DD2239, ADD123: anything else is not a decision's address."""

    regex = "(?:MD|DD|ADD)[0-9]{1,6}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ReferenceCodeConverter, "refcode")

app_name = "funding"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.csv", views.register_export, name="register_export"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<refcode:code>/", views.decision_detail, name="decision_detail"),
    path("decisions/<refcode:code>/print.pdf", views.decision_pdf, name="decision_pdf"),
    path("decisions/<refcode:code>/edit/", views.decision_edit, name="decision_edit"),
    path("decisions/<refcode:code>/submit/", views.decision_submit, name="decision_submit"),
    path("decisions/<refcode:code>/return-to-draft/", views.decision_return, name="decision_return"),
    path("decisions/<refcode:code>/sign/", views.decision_sign, name="decision_sign"),
    path("decisions/<refcode:code>/withdraw/", views.decision_withdraw, name="decision_withdraw"),
    path("decisions/<refcode:code>/<slug:kind>/add/", views.part_add, name="part_add"),
    path("decisions/<refcode:code>/<slug:kind>/<int:pk>/edit/", views.part_edit, name="part_edit"),
    path("decisions/<refcode:code>/<slug:kind>/<int:pk>/delete/", views.part_delete, name="part_delete"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
    path("risks/", views.risk_register, name="risk_register"),
    path("streams/", views.stream_list, name="stream_list"),
    path("streams/manage/", views.stream_manage, name="stream_manage"),
    path("streams/new/", views.stream_create, name="stream_create"),
    path("streams/<int:pk>/", views.stream_detail, name="stream_detail"),
    path("streams/<int:pk>/edit/", views.stream_edit, name="stream_edit"),
    path("streams/<int:pk>/amounts/add/", views.stream_allocation_add, name="stream_allocation_add"),
]
