"""Task groups: public list and page (each section scoped), and the officer's forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate

from ..forms.task_groups import TaskGroupCreateForm, TaskGroupForm
from ..selectors.task_groups import task_group_page, task_groups_for_listing
from ..services import task_groups as services
from .errors import add_service_error

MANAGE = "taskgroups.manage_task_groups"


@require_safe
def task_group_list(request):
    pagination = paginate(request.GET, task_groups_for_listing(), noun=("task group", "task groups"))
    return render(request, "taskgroups/task_groups/list.html",
                  {"pagination": pagination, "task_groups": pagination.page.object_list,
                   "can_manage": request.user.has_perm(MANAGE)})


@require_safe
def task_group_detail(request, pk):
    task_group = scoped_object_or_404(task_groups_for_listing(), pk=pk)
    return render(request, "taskgroups/task_groups/detail.html", {
        "task_group": task_group, "can_manage": request.user.has_perm(MANAGE),
        **task_group_page(task_group, request.user)})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def task_group_create(request):
    form = TaskGroupCreateForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            task_group = services.task_group_create(
                by=request.user, name=form.cleaned_data["name"], short_name=form.cleaned_data["short_name"],
                **form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{task_group} is created. Add its members on the body's page.")
            return redirect("taskgroups:task_group_detail", pk=task_group.pk)
    return render(request, "taskgroups/task_groups/form.html", {"form": form, "heading": "Create a task group"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def task_group_edit(request, pk):
    task_group = scoped_object_or_404(task_groups_for_listing(), pk=pk)
    form = TaskGroupForm(**form_data(request), instance=task_group)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_group_change(task_group=task_group, by=request.user, **form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{task_group} is saved.")
            return redirect("taskgroups:task_group_detail", pk=task_group.pk)
    return render(request, "taskgroups/task_groups/form.html",
                  {"form": form, "task_group": task_group, "heading": f"Change {task_group}"})
