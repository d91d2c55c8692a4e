"""esol's URLs (namespace "esol"): one pattern list per noun, joined at the end."""

from django.urls import path

from .views import boroughs, index, progress_papers, projects, provision, returns, rounds

app_name = "esol"

index_patterns = [
    path("", index.index, name="index"),
]

# Rounds: GLA officers
round_patterns = [
    path("rounds/", rounds.round_list, name="round_list"),
    path("rounds/new/", rounds.round_create, name="round_create"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", rounds.round_edit, name="round_edit"),
    path("rounds/<int:pk>/funding/add/", rounds.round_funding_add, name="round_funding_add"),
    path("rounds/<int:pk>/funding/<int:funding_pk>/remove/", rounds.round_funding_remove,
         name="round_funding_remove"),
    path("rounds/<int:pk>/figures/", rounds.round_figures, name="round_figures"),
    path("rounds/<int:pk>/figures.csv", rounds.round_figures_export, name="round_figures_export"),
    path("rounds/<int:pk>/projects/new/", projects.project_create, name="project_create"),
]

progress_paper_patterns = [
    path("rounds/<int:pk>/progress-paper/", progress_papers.progress_paper_create, name="progress_paper_create"),
]

# Projects: GLA officers all; grantee contacts their own
project_patterns = [
    path("projects/", projects.project_list, name="project_list"),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/figures.csv", projects.project_figures_export, name="project_figures_export"),
    path("projects/<int:pk>/schedule/", projects.project_schedule, name="project_schedule"),
]

return_patterns = [
    path("projects/<int:pk>/returns/new/", returns.return_ad_hoc_create, name="return_ad_hoc_create"),
    path("returns/", returns.return_list, name="return_list"),
    path("returns/<int:pk>/", returns.return_detail, name="return_detail"),
    path("returns/<int:pk>/answers/", returns.return_answers, name="return_answers"),
    path("returns/<int:pk>/check/", returns.return_check_answers, name="return_check_answers"),
    path("returns/<int:pk>/review/", returns.return_review, name="return_review"),
    path("returns/<int:pk>/dates/", returns.return_dates, name="return_dates"),
    path("returns/<int:pk>/case-studies/new/", returns.case_study_create, name="case_study_create"),
    path("returns/<int:pk>/case-studies/<int:case_pk>/edit/", returns.case_study_edit, name="case_study_edit"),
    path("returns/<int:pk>/case-studies/<int:case_pk>/delete/", returns.case_study_delete, name="case_study_delete"),
    path("returns/<int:pk>/evidence/new/", returns.evidence_upload, name="evidence_upload"),
    path("returns/<int:pk>/evidence/<int:evidence_pk>/", returns.evidence_download, name="evidence_download"),
    path("returns/<int:pk>/evidence/<int:evidence_pk>/delete/", returns.evidence_delete, name="evidence_delete"),
]

# The public ESOL provision directory, and the entries providers and officers keep
provision_patterns = [
    path("provision/", provision.directory, name="provision_directory"),
    path("provision.csv", provision.directory_export, name="provision_export"),
    path("provision/<int:pk>/", provision.provision_detail, name="provision_detail"),
    path("provision/manage/", provision.provision_manage, name="provision_manage"),
    path("provision/new/", provision.provision_create, name="provision_create"),
    path("provision/<int:pk>/edit/", provision.provision_edit, name="provision_edit"),
    path("provision/<int:pk>/checked/", provision.provision_checked, name="provision_checked"),
]

# Each borough's ESOL single point of contact and network, with its provision
borough_patterns = [
    path("boroughs/", boroughs.borough_list, name="borough_list"),
    path("boroughs/<str:gss_code>/", boroughs.borough_detail, name="borough_detail"),
    path("boroughs/<str:gss_code>/edit/", boroughs.borough_contacts_edit, name="borough_contacts_edit"),
]

urlpatterns = [*index_patterns, *round_patterns, *progress_paper_patterns, *project_patterns, *return_patterns,
               *provision_patterns, *borough_patterns]
