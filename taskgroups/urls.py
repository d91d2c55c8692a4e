from django.urls import path

from .views import protocols, sites, task_groups, workplans

app_name = "taskgroups"

urlpatterns = [
    path("", task_groups.task_group_list, name="task_group_list"),
    path("new/", task_groups.task_group_create, name="task_group_create"),
    path("<int:pk>/", task_groups.task_group_detail, name="task_group_detail"),
    path("<int:pk>/change/", task_groups.task_group_edit, name="task_group_edit"),
    path("workplans/", workplans.workplan_list, name="workplan_list"),
    path("workplans/import/", workplans.workplan_import, name="workplan_import"),
    path("workplans/import/<int:pk>/", workplans.workplan_import_check, name="workplan_import_check"),
    path("workplans/<int:pk>/", workplans.workplan_detail, name="workplan_detail"),
    path("workplans/<int:pk>/export.csv", workplans.workplan_export_csv, name="workplan_export_csv"),
    path("workplans/<int:pk>/export.xlsx", workplans.workplan_export_xlsx, name="workplan_export_xlsx"),
    path("workplans/<int:pk>/progress-report/", workplans.workplan_progress_report, name="workplan_progress_report"),
    path("sites/", sites.site_list, name="site_list"),
    path("sites/new/", sites.site_create, name="site_create"),
    path("sites/<int:pk>/", sites.site_detail, name="site_detail"),
    path("sites/<int:pk>/change/", sites.site_edit, name="site_edit"),
    path("sites/<int:pk>/issues/new/", sites.site_issue_create, name="site_issue_create"),
    path("issues/<int:pk>/", sites.site_issue_detail, name="site_issue_detail"),
    path("protocols/", protocols.protocol_list, name="protocol_list"),
    path("protocols/new/", protocols.protocol_create, name="protocol_create"),
    path("protocols/<int:pk>/", protocols.protocol_detail, name="protocol_detail"),
    path("protocols/<int:pk>/change/", protocols.protocol_edit, name="protocol_edit"),
]
