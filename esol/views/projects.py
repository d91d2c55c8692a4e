"""Projects: the list (every project for GLA officers; a grantee contact's own), a project's page
with its returns and figures, awarding and changing a project, and its schedule of returns."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data

from .. import charts, exports
from ..forms.projects import ProjectForm
from ..selectors import figures as figure_selectors
from ..selectors import projects as selectors
from ..selectors.rounds import round_for_page
from ..services import projects as services
from ..services import schedules
from .common import apply, page_of

VIEW = "esol.view_projects"
MANAGE = "esol.manage_projects"


def _project(request, pk):
    return scoped_object_or_404(selectors.project_for_page(request.user, pk))


@require_safe
@permission_required(VIEW)
def project_list(request):
    pagination = page_of(request, selectors.projects_for_listing(request.user), ("project", "projects"))
    return render(request, "esol/projects/list.html", {"pagination": pagination,
                                                       "projects": pagination.page.object_list})


@require_safe
@permission_required(VIEW)
def project_detail(request, pk):
    project = _project(request, pk)
    pagination = page_of(request, selectors.returns_of_project(project), ("return", "returns"))
    figures = figure_selectors.project_figures(project)
    return render(request, "esol/projects/detail.html", {
        "project": project, "pagination": pagination, "returns": pagination.page.object_list,
        "figure_rows": [figures], "charts": charts.figure_charts([figures], prefix="project"),
        "today": timezone.localdate(), "can_manage": request.user.has_perm(MANAGE),
        "reports": request.user.has_perm("esol.report_for_project", project)})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def project_create(request, pk):
    round_ = scoped_object_or_404(round_for_page(request.user, pk))
    form = ProjectForm(**form_data(request), submit="Award the grant")
    if request.method == "POST" and form.is_valid():
        project = apply(form, lambda: services.project_create(round_=round_, **form.project_values()))
        if project:
            added = schedules.schedule_generate(project=project)
            messages.success(request, f"{project.title} is awarded £{project.grant_awarded:,.2f}; "
                                      f"{added} returns are scheduled.")
            return redirect("esol:project_detail", pk=project.pk)
    return render(request, "esol/projects/form.html", {"form": form, "round": round_,
                                                       "heading": f"Award a grant in {round_.name}"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def project_edit(request, pk):
    project = _project(request, pk)
    form = ProjectForm(**form_data(request), instance=project)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: services.project_update(project=project, **form.project_values()))
        if saved:
            messages.success(request, f"{saved.title} is saved. If its dates or returns changed, make its "
                                      "schedule again.")
            return redirect("esol:project_detail", pk=saved.pk)
    return render(request, "esol/projects/form.html", {"form": form, "round": project.round, "project": project,
                                                       "heading": f"Change {project.title}"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def project_schedule(request, pk):
    project = _project(request, pk)
    if request.method == "POST":
        added = schedules.schedule_generate(project=project)
        messages.success(request, f"The schedule of returns is made again: {added} added.")
        return redirect("esol:project_detail", pk=project.pk)
    planned = schedules.schedule_for(starts_on=project.starts_on, ends_on=project.ends_on,
                                     frequency=project.reporting_frequency)
    return render(request, "esol/projects/schedule.html", {"project": project, "planned": planned})


@require_safe
@permission_required(VIEW)
def project_figures_export(request, pk):
    return exports.project_figures_csv(_project(request, pk))
