"""Thin views: check the permission, fetch through the user's scope, call a service, render."""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.csv_export import csv_response
from partnership.common.forms import form_data
from partnership.common.pagination import paginate, without_page

from . import exports, services
from .charts import bar_chart
from .filters import OfferFilter, filter_form_errors
from .forms import (
    ArrivalForm,
    OfferDetailsForm,
    SponsorshipGroupForm,
    SponsorshipOfferChangeForm,
    SponsorshipOfferForm,
    TransitionForm,
)
from .models import OfferStatus, ResettlementOffer
from .rules import transitions_available
from .selectors import (
    offer_arrivals,
    offer_transitions,
    offers_for_user,
    offers_in_figures,
    pledge_figures,
    sponsorship_groups_for_listing,
)
from .summary import offer_summary_rows

VIEW = "resettlement.view_offers"


def _object_rule_or_404(user, perm: str, offer) -> None:
    # rules.has_perm tests the rule itself: Django's has_perm would wave a superuser through
    # to changes the workflow does not allow (editing a submitted offer, say).
    if not rules.has_perm(perm, user, offer):
        raise Http404


def _offer(request, pk) -> ResettlementOffer:
    return scoped_object_or_404(offers_for_user(request.user), pk=pk)


def _add_service_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _filtered(request):
    filterset = OfferFilter(request.GET or None, queryset=offers_for_user(request.user), user=request.user)
    return filterset, filterset.qs


# --- lists, figures, exports --------------------------------------------------------------

@require_safe
@permission_required(VIEW)
def offer_list(request):
    filterset, offers = _filtered(request)
    pagination = paginate(request.GET, offers, noun=("offer", "offers"))
    # The CSV link takes the filters but not the page: an export is always the whole filtered list.
    return render(request, "resettlement/offers/list.html", {
        "filter": filterset, "filter_errors": filter_form_errors(filterset), "pagination": pagination,
        "offers": pagination.page.object_list, "export_query": without_page(request.GET).urlencode()})


@require_safe
@permission_required(VIEW)
def offer_list_export(request):
    _, offers = _filtered(request)
    return exports.offer_list_csv(offers)


def _figures(request):
    filterset, offers = _filtered(request)
    return filterset, pledge_figures(offers_in_figures(offers, status_chosen=filterset.status_chosen))


@require_safe
@permission_required(VIEW)
def figures(request):
    filterset, tables = _figures(request)
    return render(request, "resettlement/figures/page.html", {
        "filter": filterset, "filter_errors": filter_form_errors(filterset),
        "tables": [(table, bar_chart(table)) for table in tables], "query": request.GET.urlencode()})


@require_safe
@permission_required(VIEW)
def figures_export(request):
    _, tables = _figures(request)
    rows = [(table.title.removeprefix("By ").capitalize(), row.label, row.offers, row.households_pledged,
             row.people_pledged, row.households_arrived, row.people_arrived)
            for table in tables for row in table.rows]
    return csv_response(f"resettlement-figures-{timezone.localdate():%Y-%m-%d}.csv",
                        ["Grouped by", "Group", "Offers", "Households pledged", "People pledged",
                         "Households arrived", "People arrived"], rows)


# --- making offers ------------------------------------------------------------------------

def _after_save(request, form, offer):
    if form.saving_draft:
        messages.success(request, f"Offer {offer.reference} is saved as a draft. You can finish it later "
                                  "from the list of offers.")
        return redirect("resettlement:offer_detail", pk=offer.pk)
    return redirect("resettlement:offer_check_answers", pk=offer.pk)


@require_http_methods(["GET", "POST"])
@permission_required("resettlement.create_borough_offer")
def offer_create(request):
    if request.user.borough is None:
        # A superuser passes every permission check but has no borough to offer for.
        raise PermissionDenied
    form = OfferDetailsForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_create_for_borough(by=request.user, **form.offer_values())
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            return _after_save(request, form, offer)
    return render(request, "resettlement/offers/form.html", {"form": form, "heading": "Make a resettlement offer",
                                                            "borough": request.user.borough})


@require_http_methods(["GET", "POST"])
@permission_required("resettlement.manage_sponsorship")
def sponsorship_offer_create(request):
    form = SponsorshipOfferForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offer = services.offer_create_for_sponsorship_group(
                by=request.user, sponsorship_group=data["sponsorship_group"], borough=data["supporting_borough"],
                borough_consent_on=data["borough_consent_on"], **form.offer_values())
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            return _after_save(request, form, offer)
    return render(request, "resettlement/offers/form.html",
                  {"form": form, "heading": "Record a community sponsorship offer"})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def offer_edit(request, pk):
    offer = _offer(request, pk)
    _object_rule_or_404(request.user, "resettlement.change_offer", offer)
    form_class = SponsorshipOfferChangeForm if offer.is_sponsorship else OfferDetailsForm
    form = form_class(**form_data(request), instance=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_update(offer=offer, by=request.user, **form.offer_values())
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            return _after_save(request, form, offer)
    return render(request, "resettlement/offers/form.html",
                  {"form": form, "offer": offer, "heading": f"Change offer {offer.reference}"})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def offer_check_answers(request, pk):
    offer = _offer(request, pk)
    _object_rule_or_404(request.user, "resettlement.change_offer", offer)
    error = None
    if request.method == "POST":
        try:
            services.offer_transition(offer=offer, to_status=OfferStatus.SUBMITTED, by=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, f"Offer {offer.reference} is submitted. The GLA will review it.")
            return redirect("resettlement:offer_detail", pk=offer.pk)
    return render(request, "resettlement/offers/check_answers.html", {
        "offer": offer, "rows": offer_summary_rows(offer, change_url=reverse("resettlement:offer_edit",
                                                                              args=[offer.pk])),
        "error": error})


# --- one offer ----------------------------------------------------------------------------

@require_safe
@permission_required(VIEW)
def offer_detail(request, pk):
    offer = _offer(request, pk)
    user = request.user
    return render(request, "resettlement/offers/detail.html", {
        "offer": offer, "rows": offer_summary_rows(offer), "arrivals": offer_arrivals(offer),
        "may_edit": rules.has_perm("resettlement.change_offer", user, offer),
        "may_transition": rules.has_perm("resettlement.transition_offer", user, offer),
        "may_record_arrival": rules.has_perm("resettlement.record_arrival", user, offer),
    })


@require_safe
@permission_required(VIEW)
def offer_history(request, pk):
    offer = _offer(request, pk)
    return render(request, "resettlement/offers/history.html",
                  {"offer": offer, "transitions": offer_transitions(offer)})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def offer_transition(request, pk):
    offer = _offer(request, pk)
    _object_rule_or_404(request.user, "resettlement.transition_offer", offer)
    transitions = transitions_available(offer=offer, user=request.user, for_form=True)
    form = TransitionForm(**form_data(request), transitions=transitions)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.offer_transition(offer=offer, to_status=form.cleaned_data["to_status"],
                                               by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, f"Offer {offer.reference} is now {record.get_to_status_display().lower()}.")
            return redirect("resettlement:offer_detail", pk=offer.pk)
    return render(request, "resettlement/offers/transition.html", {"offer": offer, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def arrival_create(request, pk):
    offer = _offer(request, pk)
    _object_rule_or_404(request.user, "resettlement.record_arrival", offer)
    form = ArrivalForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.arrival_record(offer=offer, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, f"The arrival is recorded against offer {offer.reference}.")
            return redirect("resettlement:offer_detail", pk=offer.pk)
    return render(request, "resettlement/arrivals/form.html",
                  {"offer": offer, "form": form, "arrivals": offer_arrivals(offer)})


@require_safe
@permission_required(VIEW)
def offer_export(request, pk):
    offer = _offer(request, pk)
    return exports.offer_csv(offer, transitions=offer_transitions(offer), arrivals=offer_arrivals(offer))


# --- community sponsorship groups ---------------------------------------------------------

@require_safe
@permission_required("resettlement.manage_sponsorship")
def sponsorship_group_list(request):
    pagination = paginate(request.GET, sponsorship_groups_for_listing(request.user), noun=("group", "groups"))
    return render(request, "resettlement/groups/list.html",
                  {"pagination": pagination, "groups": pagination.page.object_list})


@require_http_methods(["GET", "POST"])
@permission_required("resettlement.manage_sponsorship")
def sponsorship_group_create(request):
    form = SponsorshipGroupForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            group = services.sponsorship_group_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, f"{group.name} is recorded as a community sponsorship group.")
            return redirect("resettlement:sponsorship_group_list")
    return render(request, "resettlement/groups/form.html", {"form": form})


