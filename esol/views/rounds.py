"""Rounds: the list, a round's page (its funding, projects and papers), creating and changing a
round, the decision lines that fund it, and its figures. GLA officers only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data

from .. import charts, exports
from ..forms.rounds import RoundCreateForm, RoundForm, RoundFundingForm
from ..selectors import figures as figure_selectors
from ..selectors import rounds as selectors
from ..selectors.progress_papers import progress_papers_of
from ..services import rounds as services
from .common import apply, page_of

VIEW = "esol.view_rounds"
MANAGE = "esol.manage_rounds"


def _round(request, pk):
    return scoped_object_or_404(selectors.round_for_page(request.user, pk))


@require_safe
@permission_required(VIEW)
def round_list(request):
    pagination = page_of(request, selectors.rounds_for_user(request.user), ("round", "rounds"))
    return render(request, "esol/rounds/list.html", {"pagination": pagination,
                                                     "rounds": pagination.page.object_list})


@require_safe
@permission_required(VIEW)
def round_detail(request, pk):
    round_ = _round(request, pk)
    pagination = page_of(request, selectors.projects_of_round(round_), ("project", "projects"))
    return render(request, "esol/rounds/detail.html", {
        "round": round_, "funding": selectors.round_funding(round_), "pagination": pagination,
        "projects": pagination.page.object_list, "papers": progress_papers_of(round_)[:10],
        "can_manage": request.user.has_perm(MANAGE)})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def round_create(request):
    form = RoundCreateForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        round_ = apply(form, lambda: services.round_create(line=data["line"], amount=data["amount"],
                                                           **form.round_values()))
        if round_:
            messages.success(request, f"{round_.name} is created.")
            return redirect("esol:round_detail", pk=round_.pk)
    return render(request, "esol/rounds/form.html", {"form": form, "heading": "Create a round"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def round_edit(request, pk):
    round_ = _round(request, pk)
    form = RoundForm(**form_data(request), instance=round_)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: services.round_update(round_=round_, **form.round_values()))
        if saved:
            messages.success(request, f"{saved.name} is saved.")
            return redirect("esol:round_detail", pk=saved.pk)
    return render(request, "esol/rounds/form.html", {"form": form, "round": round_,
                                                     "heading": f"Change {round_.name}"})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def round_funding_add(request, pk):
    round_ = _round(request, pk)
    form = RoundFundingForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        funding = apply(form, lambda: services.round_funding_add(round_=round_, line=form.cleaned_data["line"],
                                                                 amount=form.cleaned_data["amount"]))
        if funding:
            messages.success(request, f"£{funding.amount:,.2f} from {funding.line.decision.reference_code} "
                                      f"now funds {round_.name}.")
            return redirect("esol:round_detail", pk=round_.pk)
    return render(request, "esol/rounds/funding_form.html", {"form": form, "round": round_})


@require_POST
@permission_required(MANAGE)
def round_funding_remove(request, pk, funding_pk):
    round_ = _round(request, pk)
    funding = scoped_object_or_404(selectors.funding_of_round(round_), pk=funding_pk)
    try:
        services.round_funding_remove(funding=funding)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The funding from {funding.line.decision.reference_code} is removed.")
    return redirect("esol:round_detail", pk=round_.pk)


@require_safe
@permission_required(VIEW)
def round_figures(request, pk):
    round_ = _round(request, pk)
    figures = figure_selectors.round_figures(round_)
    return render(request, "esol/rounds/figures.html", {
        "round": round_, "figures": figures, "total_rows": [figures.total],
        "charts": charts.figure_charts(figures.by_project, prefix="project"),
        "borough_charts": charts.figure_charts(figures.by_borough, prefix="borough")})


@require_safe
@permission_required(VIEW)
def round_figures_export(request, pk):
    return exports.round_figures_csv(_round(request, pk))
