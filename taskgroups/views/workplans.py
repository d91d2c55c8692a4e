"""Workplans: list, progress page, exports, the spreadsheet import and the progress report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.csv_export import csv_response
from partnership.common.forms import form_data
from partnership.common.pagination import paginate, without_page

from ..charts import progress_chart
from ..filters import WorkplanActionFilter, filter_form_errors
from ..forms.workplans import WorkplanImportForm
from ..selectors.workplan_imports import import_for_user
from ..selectors.workplans import (
    workplan_actions,
    workplan_progress,
    workplan_theme_count,
    workplans_for_user,
    workplans_with_counts,
)
from ..services import progress_reports, workplan_imports
from ..services.exports import workplan_rows
from ..services.spreadsheets import XLSX_TYPE, export_headers, xlsx_bytes
from .errors import add_service_error

VIEW = "taskgroups.view_workplans"
IMPORT = "taskgroups.import_workplans"


def _workplan(request, pk):
    return scoped_object_or_404(workplans_for_user(request.user), pk=pk)


@require_safe
@permission_required(VIEW)
def workplan_list(request):
    pagination = paginate(request.GET, workplans_with_counts(request.user), noun=("workplan", "workplans"))
    return render(request, "taskgroups/workplans/list.html",
                  {"pagination": pagination, "workplans": pagination.page.object_list})


@require_safe
@permission_required(VIEW)
def workplan_detail(request, pk):
    workplan = _workplan(request, pk)
    filterset = WorkplanActionFilter(request.GET or None, queryset=workplan_actions(workplan), workplan=workplan)
    pagination = paginate(request.GET, filterset.qs, noun=("action", "actions"))
    progress = workplan_progress(workplan)
    return render(request, "taskgroups/workplans/detail.html", {
        "workplan": workplan, "progress": progress, "chart": progress_chart(progress), "filter": filterset,
        "filter_errors": filter_form_errors(filterset), "pagination": pagination,
        "links": pagination.page.object_list, "export_query": without_page(request.GET).urlencode(),
        "may_report": request.user.is_gla_officer, "today": timezone.localdate(),
        "next_meeting": progress_reports.next_meeting_of(workplan.owner_body)})


def _export_rows(request, pk):
    workplan = _workplan(request, pk)
    filterset = WorkplanActionFilter(request.GET or None, queryset=workplan_actions(workplan), workplan=workplan)
    return workplan, workplan_rows(workplan, filterset.qs)


def _export_name(workplan, extension):
    return f"{slugify(workplan.title)[:60] or 'workplan'}-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_safe
@permission_required(VIEW)
def workplan_export_csv(request, pk):
    workplan, rows = _export_rows(request, pk)
    return csv_response(_export_name(workplan, "csv"), export_headers(), rows)


@require_safe
@permission_required(VIEW)
def workplan_export_xlsx(request, pk):
    workplan, rows = _export_rows(request, pk)
    response = HttpResponse(xlsx_bytes(workplan.title, export_headers(), rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_export_name(workplan, "xlsx")}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@permission_required(IMPORT)
def workplan_import(request):
    form = WorkplanImportForm(**form_data(request), by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            values = {key: value for key, value in form.cleaned_data.items() if key != "file"}
            record = workplan_imports.workplan_import_read(by=request.user, uploaded_file=form.cleaned_data["file"],
                                                           **values)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("taskgroups:workplan_import_check", pk=record.pk)
    return render(request, "taskgroups/workplans/import_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required(IMPORT)
def workplan_import_check(request, pk):
    record = scoped_object_or_404(import_for_user(request.user), pk=pk)
    if record.workplan_id is not None:
        return redirect("taskgroups:workplan_detail", pk=record.workplan_id)
    problem = None
    if request.method == "POST":
        try:
            workplan = workplan_imports.workplan_import_commit(workplan_import=record, by=request.user)
        except ValidationError as error:
            problem = " ".join(error.messages)
            record.refresh_from_db()
        else:
            messages.success(request, f"{workplan.title} is imported: {workplan_theme_count(workplan)} themes and all "
                                      "their priorities and actions.")
            return redirect("taskgroups:workplan_detail", pk=workplan.pk)
    preview = workplan_imports.workplan_import_preview(record)
    return render(request, "taskgroups/workplans/import_check.html",
                  {"record": record, "preview": preview, "problem": problem})


@require_POST
@permission_required(VIEW)
def workplan_progress_report(request, pk):
    workplan = _workplan(request, pk)
    if not request.user.is_gla_officer:
        raise Http404
    try:
        paper = progress_reports.progress_report_create(workplan=workplan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("taskgroups:workplan_detail", pk=workplan.pk)
    messages.success(request, f"The progress report is attached to {paper.meeting} as a members' paper. "
                              "It is published with the meeting's other papers.")
    return redirect("partnership:meeting_detail", pk=paper.meeting_id)
