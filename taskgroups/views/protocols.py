"""Protocols: the list and a protocol's page for those who may see them, forms for officers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate

from ..forms.protocols import ProtocolForm
from ..selectors.protocols import protocol_document, protocols_for_user
from ..services.protocols import protocol_save
from .errors import add_service_error

VIEW = "taskgroups.view_protocols"
MANAGE = "taskgroups.manage_protocols"


@require_safe
@permission_required(VIEW)
def protocol_list(request):
    pagination = paginate(request.GET, protocols_for_user(request.user), noun=("protocol", "protocols"))
    return render(request, "taskgroups/protocols/list.html", {
        "pagination": pagination, "protocols": pagination.page.object_list,
        "can_manage": request.user.has_perm(MANAGE)})


@require_safe
@permission_required(VIEW)
def protocol_detail(request, pk):
    protocol = scoped_object_or_404(protocols_for_user(request.user), pk=pk)
    return render(request, "taskgroups/protocols/detail.html", {
        "protocol": protocol, "document": protocol_document(protocol, request.user),
        "can_manage": request.user.has_perm(MANAGE)})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def protocol_create(request):
    return _protocol_form(request, None)


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def protocol_edit(request, pk):
    return _protocol_form(request, scoped_object_or_404(protocols_for_user(request.user), pk=pk))


def _protocol_form(request, protocol):
    form = ProtocolForm(**form_data(request), instance=protocol)
    if request.method == "POST" and form.is_valid():
        try:
            saved = protocol_save(by=request.user, protocol=protocol, **form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{saved} is saved.")
            return redirect("taskgroups:protocol_detail", pk=saved.pk)
    return render(request, "taskgroups/protocols/form.html", {
        "form": form, "protocol": protocol, "heading": f"Change {protocol}" if protocol else "Record a protocol"})
