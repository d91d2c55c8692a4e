"""Actions: scoped lists with filters and CSV, "my actions", a page per action with its dated
updates and history, and recording, editing, updating and marking done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership import exports
from partnership.common.access import object_permission_or_404, permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.next_url import safe_next_url
from partnership.common.pagination import paginate, without_page
from partnership.common.query_params import query_id
from partnership.filters import ActionFilter
from partnership.forms.actions import ActionForm, ActionUpdateForm
from partnership.models.actions import OPEN_STATUSES
from partnership.selectors.actions import (
    action_history,
    action_updates,
    actions_for_listing,
    actions_for_user,
    my_actions,
    new_action_initial,
)
from partnership.services.actions import action_add_update, action_change, action_create, action_mark_done

PAGE_SIZE = 100
UPDATES_PAGE_SIZE = 20


def _filtered(request):
    return ActionFilter(request.GET or None, queryset=actions_for_listing(request.user))


@require_safe
@login_required
def action_list(request):
    filterset = _filtered(request)
    pagination = paginate(request.GET, filterset.qs, noun=("action", "actions"), per_page=PAGE_SIZE)
    # The CSV link takes the filters but not the page: an export is always the whole filtered list.
    return render(request, "partnership/actions/list.html", {
        "filter": filterset, "pagination": pagination, "actions": pagination.page.object_list,
        "export_query": without_page(request.GET).urlencode()})


@require_safe
@login_required
def action_export(request):
    """The filtered list as CSV: the same scope and filters as the page."""
    return exports.actions_csv(_filtered(request).qs)


@require_safe
@login_required
def action_mine(request):
    pagination = paginate(request.GET, my_actions(request.user), noun=("action", "actions"), per_page=PAGE_SIZE)
    return render(request, "partnership/actions/mine.html",
                  {"actions": pagination.page.object_list, "pagination": pagination})


@require_safe
@login_required
def action_detail(request, pk):
    action = scoped_object_or_404(actions_for_user(request.user), pk=pk)
    updates = paginate(request.GET, action_updates(action), noun=("update", "updates"), per_page=UPDATES_PAGE_SIZE)
    return render(request, "partnership/actions/detail.html", {
        "action": action, "updates": updates.page.object_list, "updates_pagination": updates,
        "may_update": request.user.has_perm("partnership.update_action", action),
        "may_complete": request.user.has_perm("partnership.complete_action", action)})


@require_safe
@login_required
def action_history_view(request, pk):
    action = scoped_object_or_404(actions_for_user(request.user), pk=pk)
    return render(request, "partnership/actions/history.html",
                  {"action": action, "entries": action_history(action)})


def _initial_from_query(request) -> dict:
    """?agenda_item=, ?meeting= or ?body= prefill where the action comes from (the first given wins)."""
    return new_action_initial(agenda_item_id=query_id(request.GET, "agenda_item"),
                              meeting_id=query_id(request.GET, "meeting"), body_id=query_id(request.GET, "body"))


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_actions")
def action_new(request):
    form = ActionForm(**form_data(request), initial=_initial_from_query(request))
    next_url = safe_next_url(request)  # the meeting or body page the action was recorded from
    if request.method == "POST" and form.is_valid():
        try:
            action = action_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Action recorded.")
            return redirect(next_url or reverse("partnership:action_detail", args=[action.pk]))
    return render(request, "partnership/actions/form.html",
                  {"form": form, "heading": "Record an action", "next_url": next_url})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_actions")
def action_edit(request, pk):
    action = scoped_object_or_404(actions_for_user(request.user), pk=pk)
    initial = {name: getattr(action, name) for name in
               ("description", "body", "meeting", "agenda_item", "owner_user", "owner_organisation",
                "owner_contact", "owner_contact_user", "due_on", "status")}
    form = ActionForm(**form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            action_change(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Action saved.")
            return redirect("partnership:action_detail", pk=action.pk)
    return render(request, "partnership/actions/form.html",
                  {"form": form, "heading": "Edit the action", "this_action": action})


@require_http_methods(["GET", "POST"])
@login_required
def action_update_new(request, pk):
    action = scoped_object_or_404(actions_for_user(request.user), pk=pk)
    object_permission_or_404(request.user, "partnership.update_action", action)
    current = action.status if action.status in OPEN_STATUSES else ""
    form = ActionUpdateForm(**form_data(request), initial={"status": current})
    if request.method == "POST" and form.is_valid():
        try:
            action_add_update(action=action, by=request.user, note=form.cleaned_data["note"],
                              status=form.cleaned_data["status"] or None)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Update added.")
            return redirect("partnership:action_detail", pk=action.pk)
    return render(request, "partnership/actions/update.html", {"form": form, "this_action": action})


@require_POST
@login_required
def action_done(request, pk):
    action = scoped_object_or_404(actions_for_user(request.user), pk=pk)
    object_permission_or_404(request.user, "partnership.complete_action", action)
    action_mark_done(action=action, by=request.user)
    messages.success(request, "Action marked as done.")
    return redirect("partnership:action_detail", pk=action.pk)
