"""Sites and their issue logs: GLA officers and the members of the task groups that follow a
site only; anyone else gets 404 for a site and 403 for the list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate

from ..forms.sites import NO_PERSONAL_DATA, SiteForm, SiteIssueForm, SiteIssueUpdateForm
from ..selectors.sites import issue_updates, issues_for_user, site_for_page, site_issues, sites_for_user
from ..services import site_issues as services
from .errors import add_service_error

VIEW = "taskgroups.view_sites"
MANAGE = "taskgroups.manage_sites"


@require_safe
@permission_required(VIEW)
def site_list(request):
    pagination = paginate(request.GET, sites_for_user(request.user), noun=("site", "sites"))
    return render(request, "taskgroups/sites/list.html", {
        "pagination": pagination, "sites": pagination.page.object_list,
        "can_manage": request.user.has_perm(MANAGE)})


@require_safe
@permission_required(VIEW)
def site_detail(request, pk):
    site = scoped_object_or_404(site_for_page(request.user), pk=pk)
    pagination = paginate(request.GET, site_issues(site), noun=("issue", "issues"))
    return render(request, "taskgroups/sites/detail.html", {
        "site": site, "pagination": pagination, "issues": pagination.page.object_list,
        "can_manage": request.user.has_perm(MANAGE)})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def site_create(request):
    return _site_form(request, None)


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def site_edit(request, pk):
    return _site_form(request, scoped_object_or_404(site_for_page(request.user), pk=pk))


def _site_form(request, site):
    form = SiteForm(**form_data(request), instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.site_save(by=request.user, site=site, **form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{saved} is saved.")
            return redirect("taskgroups:site_detail", pk=saved.pk)
    return render(request, "taskgroups/sites/form.html", {
        "form": form, "site": site, "heading": f"Change {site}" if site else "Add a site"})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def site_issue_create(request, pk):
    site = scoped_object_or_404(site_for_page(request.user), pk=pk)
    form = SiteIssueForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.site_issue_record(site=site, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The issue is recorded.")
            return redirect("taskgroups:site_issue_detail", pk=issue.pk)
    return render(request, "taskgroups/sites/issue_form.html",
                  {"form": form, "site": site, "no_personal_data": NO_PERSONAL_DATA})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def site_issue_detail(request, pk):
    issue = scoped_object_or_404(issues_for_user(request.user), pk=pk)
    transitions = services.transitions_available(issue=issue, user=request.user)
    form = SiteIssueUpdateForm(**form_data(request), transitions=transitions)
    if request.method == "POST" and form.is_valid():
        try:
            services.site_issue_update(issue=issue, by=request.user, note=form.cleaned_data["note"],
                                       to_status=form.cleaned_data["to_status"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The update is saved.")
            return redirect("taskgroups:site_issue_detail", pk=issue.pk)
    pagination = paginate(request.GET, issue_updates(issue), noun=("update", "updates"))
    return render(request, "taskgroups/sites/issue_detail.html", {
        "issue": issue, "form": form, "pagination": pagination, "updates": pagination.page.object_list,
        "no_personal_data": NO_PERSONAL_DATA})
