"""The public ESOL provision directory (filters in the address, paged, an entry's page, CSV of
the filtered list) and the pages where providers keep their own entries and GLA officers all."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import without_page

from .. import exports
from ..filters import ManagedProvisionFilter, ProvisionFilter, filter_form_errors
from ..forms.provision import ProvisionForm
from ..models.provision import CHECK_EVERY
from ..selectors import provision as selectors
from ..services import provision as services
from .common import apply, object_rule_or_404, page_of

MANAGE = "esol.manage_provision"
PAGE_SIZE = 20


def _filtered(request):
    filterset = ProvisionFilter(request.GET or None, queryset=selectors.directory())
    return filterset, filterset.qs


@require_safe
def directory(request):
    filterset, entries = _filtered(request)
    pagination = page_of(request, entries, ("course", "courses"), per_page=PAGE_SIZE)
    # The CSV link takes the filters but not the page: an export is always the whole filtered list.
    return render(request, "esol/provision/directory.html", {
        "filter": filterset, "filter_errors": filter_form_errors(filterset), "pagination": pagination,
        "entries": pagination.page.object_list, "export_query": without_page(request.GET).urlencode(),
        "stale_before": timezone.localdate() - CHECK_EVERY,
        "can_manage": request.user.has_perm(MANAGE)})


@require_safe
def directory_export(request):
    _, entries = _filtered(request)
    return exports.directory_csv(entries)


@require_safe
def provision_detail(request, pk):
    entry = scoped_object_or_404(selectors.directory(), pk=pk)
    return render(request, "esol/provision/detail.html", {
        "entry": entry, "needs_checking": entry.needs_checking(timezone.localdate()),
        "may_change": request.user.has_perm("esol.change_provision", entry),
        "contacts": selectors.borough_contacts(entry.borough)})


@require_safe
@permission_required(MANAGE)
def provision_manage(request):
    filterset = ManagedProvisionFilter(request.GET or None, queryset=selectors.provision_for_manager(request.user))
    pagination = page_of(request, filterset.qs, ("entry", "entries"), per_page=PAGE_SIZE)
    return render(request, "esol/provision/manage.html", {
        "filter": filterset, "filter_errors": filter_form_errors(filterset), "pagination": pagination,
        "entries": pagination.page.object_list, "stale_before": timezone.localdate() - CHECK_EVERY})


def _entry_for_change(request, pk):
    entry = scoped_object_or_404(selectors.provision_for_manager(request.user), pk=pk)
    object_rule_or_404(request.user, "esol.change_provision", entry)
    return entry


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def provision_create(request):
    officer = request.user.is_gla_officer
    form = ProvisionForm(**form_data(request), provider_chosen=officer)
    if request.method == "POST" and form.is_valid():
        entry = apply(form, lambda: services.provision_create(by=request.user, provider=form.provider,
                                                              **form.values()))
        if entry:
            messages.success(request, f"\"{entry.course_title}\" is in the directory.")
            return redirect("esol:provision_detail", pk=entry.pk)
    return render(request, "esol/provision/form.html", {"form": form, "heading": "Add a course to the directory"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def provision_edit(request, pk):
    entry = _entry_for_change(request, pk)
    form = ProvisionForm(**form_data(request), instance=entry, provider_chosen=request.user.is_gla_officer)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: services.provision_update(provision=entry, by=request.user,
                                                              provider=form.provider, **form.values()))
        if saved:
            messages.success(request, f"\"{saved.course_title}\" is saved and marked checked today.")
            return redirect("esol:provision_detail", pk=saved.pk)
    return render(request, "esol/provision/form.html", {
        "form": form, "entry": entry, "heading": f"Change {entry.course_title}",
        "needs_checking": entry.needs_checking(timezone.localdate())})


@require_POST
@permission_required(MANAGE)
def provision_checked(request, pk):
    entry = _entry_for_change(request, pk)
    try:
        services.provision_confirm_checked(provision=entry, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"\"{entry.course_title}\" is marked checked today.")
    return redirect("esol:provision_detail", pk=entry.pk)
