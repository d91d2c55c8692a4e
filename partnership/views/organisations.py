"""Organisations and people, for GLA officers."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.common.query_params import query_id
from partnership.forms.organisations import OrganisationForm, PersonForm
from partnership.models import Organisation
from partnership.rules import may_reset_two_factor
from partnership.selectors import organisations as select
from partnership.selectors.two_factor import two_factor_required, two_factor_summary


@require_safe
@permission_required("partnership.manage_organisations")
def organisation_list(request):
    return render(request, "partnership/organisations/list.html", {"pagination": paginate(
        request.GET, select.organisations_for_listing(request.user), noun=("organisation", "organisations"))})


@require_safe
@permission_required("partnership.manage_organisations")
def organisation_detail(request, pk):
    organisation = scoped_object_or_404(select.organisations_visible_to(request.user), pk=pk)
    return render(request, "partnership/organisations/detail.html", {
        "organisation": organisation, "people": select.organisation_people(organisation),
        "pagination": paginate(request.GET, select.organisation_memberships(organisation),
                               noun=("membership", "memberships"))})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_organisations")
def organisation_create(request):
    return _organisation_form(request, Organisation())


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_organisations")
def organisation_edit(request, pk):
    return _organisation_form(request, scoped_object_or_404(select.organisations_visible_to(request.user), pk=pk))


def _organisation_form(request, organisation):
    form = OrganisationForm(**form_data(request), instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, f"{organisation.name} saved.")
        return redirect("partnership:organisation_detail", pk=organisation.pk)
    return render(request, "partnership/organisations/form.html", {"form": form, "organisation": organisation})


@require_safe
@permission_required("partnership.view_people")
def person_list(request):
    # ?organisation=<id>: the organisation page's "see all" link. Anything else there lists everyone.
    organisation = select.organisation_or_none(request.user, query_id(request.GET, "organisation"))
    people = select.people_for_listing(request.user, organisation_id=organisation.pk if organisation else None)
    pagination = paginate(request.GET, people, noun=("person with an account", "people with accounts"))
    return render(request, "partnership/people/list.html", {
        "pagination": pagination, "rows": select.with_role_labels(pagination.page.object_list),
        "organisation": organisation})


@require_safe
@permission_required("partnership.view_people")
def person_detail(request, pk):
    person = scoped_object_or_404(select.people_for_page(request.user), pk=pk)
    return render(request, "partnership/people/detail.html", {
        "person": person, "two_factor": two_factor_summary(person) if two_factor_required(person) else None,
        "can_reset_two_factor": may_reset_two_factor(request.user, person)})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.view_people")
def person_edit(request, pk):
    person = scoped_object_or_404(select.people_editable_by(request.user), pk=pk)
    form = PersonForm(**form_data(request), instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{person} saved.")
        return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/people/form.html", {"form": form, "person": person})
