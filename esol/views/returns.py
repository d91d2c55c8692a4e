"""Monitoring returns: the list, a return's page, the grantee's answers, case studies and
evidence, check your answers and submit, the coordinator's review, and the officer's dates and
ad hoc returns. A grantee contact reaches only their own projects' returns; everything else 404."""

import rules
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.downloads import stored_file_download
from partnership.common.forms import form_data
from partnership.common.uploads import install_paper_size_limit
from partnership.services.paper_files import ACCEPTED_DESCRIPTION, download_filename, stored_file_format

from ..filters import ReturnFilter, filter_form_errors
from ..forms.returns import CaseStudyForm, EvidenceForm, ReturnAnswersForm, ReturnDatesForm, ReviewForm
from ..models import CaseStudy, ReturnStatus
from ..selectors import projects as project_selectors
from ..selectors import returns as selectors
from ..services import evidence as evidence_services
from ..services import returns as services
from ..services import schedules
from .common import apply, object_rule_or_404, page_of, return_answer_rows

VIEW = "esol.view_projects"


def _return(request, pk):
    return scoped_object_or_404(selectors.return_for_page(request.user, pk))


def _editable_return(request, pk):
    monitoring_return = _return(request, pk)
    object_rule_or_404(request.user, "esol.edit_return", monitoring_return)
    return monitoring_return


@require_safe
@permission_required(VIEW)
def return_list(request):
    filterset = ReturnFilter(request.GET or None, queryset=selectors.returns_for_listing(request.user),
                             user=request.user)
    pagination = page_of(request, filterset.qs, ("return", "returns"))
    return render(request, "esol/returns/list.html", {
        "filter": filterset, "filter_errors": filter_form_errors(filterset), "pagination": pagination,
        "returns": pagination.page.object_list, "today": timezone.localdate()})


@require_safe
@permission_required(VIEW)
def return_detail(request, pk):
    monitoring_return = _return(request, pk)
    user = request.user
    return render(request, "esol/returns/detail.html", {
        "return": monitoring_return, "project": monitoring_return.project,
        "steps": selectors.return_steps(monitoring_return), "answer_rows": return_answer_rows(monitoring_return),
        "case_studies": selectors.case_studies_of(monitoring_return),
        "evidence": selectors.evidence_of(monitoring_return), "today": timezone.localdate(),
        "may_edit": _rule(user, "esol.edit_return", monitoring_return),
        "may_review": _rule(user, "esol.review_return", monitoring_return),
        "may_change_dates": _rule(user, "esol.change_return_dates", monitoring_return)})


def _rule(user, perm, obj) -> bool:
    return rules.has_perm(perm, user, obj)


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def return_answers(request, pk):
    monitoring_return = _editable_return(request, pk)
    initial = {name: getattr(monitoring_return, name) for name in ReturnAnswersForm.answer_fields}
    form = ReturnAnswersForm(**form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: services.return_answers_save(monitoring_return=monitoring_return,
                                                                 by=request.user, **form.answers()))
        if saved:
            if form.saving_draft:
                messages.success(request, "Your answers are saved as a draft. You can finish the return later.")
                return redirect("esol:return_detail", pk=saved.pk)
            return redirect("esol:return_check_answers", pk=saved.pk)
    return render(request, "esol/returns/answers.html", {"form": form, "return": monitoring_return,
                                                         "project": monitoring_return.project})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def return_check_answers(request, pk):
    monitoring_return = _editable_return(request, pk)
    error = None
    if request.method == "POST":
        try:
            services.return_step(monitoring_return=monitoring_return, to_status=ReturnStatus.SUBMITTED,
                                 by=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, "Your return is submitted. The ESOL coordinator will review it and tell you "
                                      "what happens next.")
            return redirect("esol:return_detail", pk=monitoring_return.pk)
    return render(request, "esol/returns/check_answers.html", {
        "return": monitoring_return, "project": monitoring_return.project, "error": error,
        "answer_rows": return_answer_rows(monitoring_return),
        "case_studies": selectors.case_studies_of(monitoring_return),
        "evidence": selectors.evidence_of(monitoring_return)})


@require_http_methods(["GET", "POST"])
@permission_required("esol.manage_projects")
def return_review(request, pk):
    monitoring_return = _return(request, pk)
    object_rule_or_404(request.user, "esol.review_return", monitoring_return)
    form = ReviewForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        record = apply(form, lambda: services.return_step(
            monitoring_return=monitoring_return, to_status=form.cleaned_data["decision"], by=request.user,
            comment=form.cleaned_data["comment"]))
        if record:
            messages.success(request, f"The return is {record.get_to_status_display().lower()}. The project's "
                                      "reporting contacts are told by email.")
            return redirect("esol:return_detail", pk=monitoring_return.pk)
    return render(request, "esol/returns/review.html", {
        "form": form, "return": monitoring_return, "project": monitoring_return.project,
        "answer_rows": return_answer_rows(monitoring_return),
        "case_studies": selectors.case_studies_of(monitoring_return),
        "evidence": selectors.evidence_of(monitoring_return)})


@require_http_methods(["GET", "POST"])
@permission_required("esol.manage_projects")
def return_dates(request, pk):
    monitoring_return = _return(request, pk)
    object_rule_or_404(request.user, "esol.change_return_dates", monitoring_return)
    form = ReturnDatesForm(**form_data(request), initial={
        "period_start": monitoring_return.period_start, "period_end": monitoring_return.period_end,
        "due_on": monitoring_return.due_on})
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: schedules.return_dates_change(monitoring_return=monitoring_return,
                                                                  **form.cleaned_data))
        if saved:
            messages.success(request, f"The return is now due on {saved.due_on:%-d %B %Y}.")
            return redirect("esol:return_detail", pk=saved.pk)
    return render(request, "esol/returns/dates.html", {"form": form, "return": monitoring_return,
                                                       "project": monitoring_return.project})


@require_http_methods(["GET", "POST"])
@permission_required("esol.manage_projects")
def return_ad_hoc_create(request, pk):
    project = scoped_object_or_404(project_selectors.project_for_page(request.user, pk))
    form = ReturnDatesForm(**form_data(request), submit="Ask for the return")
    if request.method == "POST" and form.is_valid():
        created = apply(form, lambda: schedules.return_ad_hoc_create(project=project, **form.cleaned_data))
        if created:
            messages.success(request, f"An ad hoc return is due on {created.due_on:%-d %B %Y}. The project's "
                                      "reporting contacts are reminded before it is due.")
            return redirect("esol:return_detail", pk=created.pk)
    return render(request, "esol/returns/ad_hoc_form.html", {"form": form, "project": project})


# --- case studies -----------------------------------------------------------------------------

def _case_study_page(request, monitoring_return, case_study):
    form = CaseStudyForm(**form_data(request), instance=case_study)
    if request.method == "POST" and form.is_valid():
        saved = apply(form, lambda: services.case_study_save(case_study=form.instance, by=request.user))
        if saved:
            messages.success(request, f"The case study \"{saved.title}\" is saved.")
            return redirect("esol:return_detail", pk=monitoring_return.pk)
    return render(request, "esol/returns/case_study_form.html", {
        "form": form, "return": monitoring_return, "project": monitoring_return.project,
        "case_study": case_study if case_study.pk else None})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def case_study_create(request, pk):
    monitoring_return = _editable_return(request, pk)
    return _case_study_page(request, monitoring_return, CaseStudy(monitoring_return=monitoring_return))


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def case_study_edit(request, pk, case_pk):
    monitoring_return = _editable_return(request, pk)
    case_study = scoped_object_or_404(selectors.case_studies_of(monitoring_return), pk=case_pk)
    return _case_study_page(request, monitoring_return, case_study)


@require_POST
@permission_required(VIEW)
def case_study_delete(request, pk, case_pk):
    monitoring_return = _editable_return(request, pk)
    case_study = scoped_object_or_404(selectors.case_studies_of(monitoring_return), pk=case_pk)
    try:
        services.case_study_delete(case_study=case_study, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The case study \"{case_study.title}\" is removed.")
    return redirect("esol:return_detail", pk=monitoring_return.pk)


# --- evidence ---------------------------------------------------------------------------------

@csrf_exempt  # the upload size limit must be installed before CSRF reads the body ...
@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def evidence_upload(request, pk):
    size_limit = install_paper_size_limit(request) if request.method == "POST" else None
    return _evidence_upload(request, pk, size_limit)


@csrf_protect  # ... so CSRF is checked here, after it
def _evidence_upload(request, pk, size_limit):
    monitoring_return = _editable_return(request, pk)
    form = EvidenceForm(**form_data(request))
    if request.method == "POST":
        form.is_valid()
        if size_limit is not None and "file" in size_limit.too_large_fields:
            form.errors.pop("file", None)
            form.add_error("file", f"The selected file must be smaller than {filesizeformat(size_limit.limit)}")
        if form.is_valid():
            evidence = apply(form, lambda: evidence_services.evidence_upload(
                monitoring_return=monitoring_return, title=form.cleaned_data["title"],
                uploaded_file=form.cleaned_data["file"], by=request.user))
            if evidence:
                messages.success(request, f"\"{evidence.title}\" is uploaded.")
                return redirect("esol:return_detail", pk=monitoring_return.pk)
    return render(request, "esol/returns/evidence_form.html", {
        "form": form, "return": monitoring_return, "project": monitoring_return.project,
        "accepted": ACCEPTED_DESCRIPTION, "max_bytes": settings.PAPER_MAX_UPLOAD_BYTES})


@require_safe
@permission_required(VIEW)
def evidence_download(request, pk, evidence_pk):
    monitoring_return = _return(request, pk)
    evidence = scoped_object_or_404(selectors.evidence_of(monitoring_return), pk=evidence_pk)
    # Served under the checked format's extension and type, whatever the uploader called it.
    checked = stored_file_format(evidence.file.name)
    response = stored_file_download(evidence.file, filename=download_filename(evidence.original_filename, checked),
                                    content_type=checked.content_type if checked else "application/octet-stream")
    patch_cache_control(response, no_store=True, private=True)
    return response


@require_POST
@permission_required(VIEW)
def evidence_delete(request, pk, evidence_pk):
    monitoring_return = _editable_return(request, pk)
    evidence = scoped_object_or_404(selectors.evidence_of(monitoring_return), pk=evidence_pk)
    try:
        evidence_services.evidence_delete(evidence=evidence, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"\"{evidence.title}\" is removed.")
    return redirect("esol:return_detail", pk=monitoring_return.pk)
