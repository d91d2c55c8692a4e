"""Each borough's page of the directory: its ESOL single point of contact, its ESOL network and
the provision in the borough (public), and the officer's page to keep the contacts."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data

from ..forms.boroughs import BoroughContactsForm
from ..models.provision import CHECK_EVERY
from ..selectors import provision as selectors
from ..services.boroughs import BOROUGH_CONTACT_FIELDS, borough_contacts_save
from .common import apply, page_of


def _borough(gss_code):
    return scoped_object_or_404(selectors.boroughs_with_counts(), gss_code=gss_code)


@require_safe
def borough_list(request):
    return render(request, "esol/boroughs/list.html", {"boroughs": selectors.boroughs_with_contacts()})


@require_safe
def borough_detail(request, gss_code):
    borough = _borough(gss_code)
    pagination = page_of(request, selectors.provision_in_borough(borough), ("course", "courses"), per_page=20)
    return render(request, "esol/boroughs/detail.html", {
        "borough": borough, "contacts": selectors.borough_contacts(borough), "pagination": pagination,
        "entries": pagination.page.object_list, "stale_before": timezone.localdate() - CHECK_EVERY,
        "can_manage": request.user.has_perm("esol.manage_borough_contacts")})


@require_http_methods(["GET", "POST"])
@permission_required("esol.manage_borough_contacts")
def borough_contacts_edit(request, gss_code):
    borough = _borough(gss_code)
    contacts = selectors.borough_contacts(borough)
    initial = {name: getattr(contacts, name) for name in BOROUGH_CONTACT_FIELDS} if contacts else {}
    form = BoroughContactsForm(**form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: borough_contacts_save(borough=borough, by=request.user, **form.cleaned_data))
        if saved:
            messages.success(request, f"{borough.name}'s ESOL contacts are saved.")
            return redirect("esol:borough_detail", gss_code=borough.gss_code)
    return render(request, "esol/boroughs/form.html", {"form": form, "borough": borough})
