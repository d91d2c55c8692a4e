"""Organisations and people, for GLA officers."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.organisations import OrganisationForm, PersonForm
from partnership.models import Membership, Organisation, Role, User


@require_safe
@permission_required("partnership.manage_organisations")
def organisation_list(request):
    organisations = Organisation.objects.annotate(
        people_count=Count("people", distinct=True),
        membership_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True), distinct=True),
    ).order_by("name")
    return render(request, "partnership/organisations/list.html", {"organisations": organisations})


@require_safe
@permission_required("partnership.manage_organisations")
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    people = organisation.people.order_by("full_name")
    memberships = (Membership.objects.filter(organisation=organisation)
                   .select_related("user", "body").order_by("body__name", "user__full_name"))
    return render(request, "partnership/organisations/detail.html",
                  {"organisation": organisation, "people": people, "memberships": memberships})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_organisations")
def organisation_create(request):
    return _organisation_form(request, Organisation())


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_organisations")
def organisation_edit(request, pk):
    return _organisation_form(request, get_object_or_404(Organisation, pk=pk))


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
    people = User.objects.select_related("organisation").prefetch_related("groups").annotate(
        body_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True))).order_by("full_name", "email")
    labels = dict(Role.choices)
    rows = [(person, [labels.get(group.name, group.name) for group in person.groups.all()]) for person in people]
    return render(request, "partnership/people/list.html", {"rows": rows})


@require_safe
@permission_required("partnership.view_people")
def person_detail(request, pk):
    person = get_object_or_404(User.objects.select_related("organisation").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("body", "organisation")
                 .order_by("-started_on"))), pk=pk)
    return render(request, "partnership/people/detail.html", {"person": person})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.view_people")
def person_edit(request, pk):
    person = get_object_or_404(User, pk=pk)
    if person.is_superuser and not request.user.is_superuser:
        raise Http404  # superusers are repaired in Django's admin only
    form = PersonForm(**form_data(request), instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"{person} saved.")
        return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/people/form.html", {"form": form, "person": person})
