"""Funding pages: the public register, decision pages, the officers' drafting and signing
pages, the risk register and the funding streams. Thin: reads go through selectors, writes
through services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.downloads import stored_file_download
from partnership.common.forms import form_data
from partnership.common.pagination import paginate, without_page
from partnership.services.paper_files import download_filename, stored_file_format

from . import decision_panels, exports, selectors, services
from .filters import DecisionFilter, OfficerDecisionFilter
from .forms import (
    DecisionForm,
    DecisionItemForm,
    DocumentForm,
    FundingStreamForm,
    LineForm,
    MilestoneForm,
    RelationForm,
    ReturnToDraftForm,
    RiskForm,
    SignForm,
    StreamAllocationForm,
    WithdrawForm,
)
from .models import (
    EDITABLE_STATUSES,
    RAG_RULE_TEXT,
    DecisionItem,
    DecisionRelation,
    DecisionStatus,
    DocumentKind,
    FundingStream,
    Line,
    Milestone,
    Risk,
    StreamAllocation,
)
from .rules import DECISION_MACHINE

PAGE_SIZE = 50
MANAGE = "funding.manage_decisions"


def _paginate(request, queryset, noun):
    return paginate(request.GET, queryset, noun=noun, per_page=PAGE_SIZE)


# Public register -----------------------------------------------------------------------------

@require_safe
def register(request):
    decisions = DecisionFilter(request.GET or None, queryset=selectors.register_decisions(request.user),
                               user=request.user)
    # The CSV link takes the filters but not the page: an export is always the whole filtered list.
    return render(request, "funding/decisions/register.html", {
        "filter": decisions, "pagination": _paginate(request, decisions.qs, ("signed decision", "signed decisions")),
        "export_query": without_page(request.GET).urlencode(),
        "totals": selectors.register_totals(decisions.qs), "chart": selectors.signed_spend_chart(decisions.qs)})


@require_safe
def register_export(request):
    decisions = DecisionFilter(request.GET or None, queryset=selectors.register_decisions(request.user),
                               user=request.user)
    return exports.register_csv(decisions.qs, include_part2=selectors.can_see_part2(request.user))


def _decision(request, code):
    return scoped_object_or_404(selectors.decision_for_page(request.user, code))


@require_safe
def decision_detail(request, code):
    decision = _decision(request, code)
    signed_document, appendices = selectors.signed_document_and_appendices(decision)
    return render(request, "funding/decisions/detail.html", {
        "decision": decision, "totals": selectors.decision_totals(decision),
        "related": selectors.related_links(decision), "rag_rule": RAG_RULE_TEXT,
        "signed_document": signed_document, "appendices": appendices,
        "show_part2": selectors.can_see_part2(request.user),
        "can_manage": request.user.has_perm(MANAGE),
        "panels": decision_panels.panels_for(decision, request.user),
    })


@require_safe
def decision_pdf(request, code):
    decision = _decision(request, code)
    include_part2 = selectors.can_see_part2(request.user)
    body = exports.decision_pdf(decision, include_part2=include_part2)
    response = HttpResponse(body, content_type="application/pdf")
    # The officers' copy holds Part 2: its name says so wherever it is saved, and no browser or
    # proxy may keep it.
    filename = f"{decision.reference_code}-CONFIDENTIAL-includes-Part-2.pdf" if include_part2 \
        else f"{decision.reference_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if include_part2:
        patch_cache_control(response, no_store=True, private=True)
    return response


@require_safe
def document_download(request, pk):
    document = scoped_object_or_404(selectors.documents_visible_to(request.user), pk=pk)
    # The type served is the checked format of the stored file, never what a browser claimed
    # at upload; a signed decision downloads under the decision's name.
    stored_format = stored_file_format(document.file.name)
    filename = (f"{document.decision.reference_code}-signed.pdf" if document.kind == DocumentKind.SIGNED
                else download_filename(document.original_filename, stored_format))
    response = stored_file_download(
        document.file, filename=filename,
        content_type=stored_format.content_type if stored_format else "application/octet-stream")
    # Only a public document of a signed decision may sit in a shared cache; a confidential
    # appendix or a draft's document must never be kept by a browser or proxy.
    if document.is_confidential or document.decision.status != DecisionStatus.SIGNED:
        patch_cache_control(response, no_store=True, private=True)
    return response


# Officers' pages ------------------------------------------------------------------------------

@require_safe
@permission_required("funding.view_all_decisions")
def decision_list(request):
    decisions = OfficerDecisionFilter(request.GET or None, user=request.user,
                                      queryset=selectors.decisions_for_listing(request.user))
    return render(request, "funding/decisions/list.html", {
        "filter": decisions, "pagination": _paginate(request, decisions.qs, ("decision", "decisions")),
        "counts": selectors.officer_counts()})


def _apply(form, action):
    """Runs a service; a rule it refuses becomes an error on the form, beside the field."""
    try:
        return action()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
    return None


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def decision_create(request):
    supersedes = None
    if code := request.GET.get("supersedes"):
        supersedes = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    form = DecisionForm(**form_data(request), initial={"responsible_officer": request.user})
    if request.method == "POST" and form.is_valid():
        decision = _apply(form, lambda: services.decision_create(by=request.user, supersedes=supersedes,
                                                                 **form.cleaned_data))
        if decision:
            messages.success(request, f"{decision.reference_code} saved as a draft.")
            return redirect("funding:decision_detail", code=decision.reference_code)
    return render(request, "funding/decisions/form.html", {"form": form, "supersedes": supersedes})


def _editable_or_redirect(request, decision):
    """Every edit page of a decision that is not a draft sends the officer back to it, saying why."""
    if decision.is_editable:
        return None
    messages.error(request, services.locked_message(decision))
    return redirect("funding:decision_detail", code=decision.reference_code)


def _submit_first(decision):
    return f"{decision.reference_code} is {decision.get_status_display().lower()}: submit it for signature first."


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def decision_edit(request, code):
    decision = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    if locked := _editable_or_redirect(request, decision):
        return locked
    form = DecisionForm(**form_data(request), instance=decision)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        # The service re-reads the decision under a row lock: the form has already changed this copy.
        saved = _apply(form, lambda: services.decision_update(decision=decision, **fields))
        if saved:
            messages.success(request, f"{saved.reference_code} saved.")
            return redirect("funding:decision_detail", code=saved.reference_code)
    return render(request, "funding/decisions/form.html", {"form": form, "decision": decision})


def _lifecycle(request, code, form_class, action, template, done, allowed=EDITABLE_STATUSES,
               refused=_submit_first):
    """One lifecycle move. `refused` says why a draft cannot make it (a fixed decision is
    answered by _editable_or_redirect)."""
    decision = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    if decision.status not in allowed:
        if locked := _editable_or_redirect(request, decision):
            return locked
        messages.error(request, refused(decision))
        return redirect("funding:decision_detail", code=decision.reference_code)
    form = form_class(**form_data(request)) if form_class else None
    if request.method == "POST" and (form is None or form.is_valid()):
        holder = form or _MessagesOnly()
        result = _apply(holder, lambda: action(decision, form.cleaned_data if form else {}))
        if result:
            messages.success(request, done(result))
            return redirect("funding:decision_detail", code=result.reference_code)
        if form is None:
            for message in holder.errors:
                messages.error(request, message)
            return redirect("funding:decision_detail", code=decision.reference_code)
    return render(request, template, {"form": form, "decision": decision})


class _MessagesOnly:
    """Collects a service's refusal for a step that has no form fields (submit, return)."""

    fields: dict = {}

    def __init__(self):
        self.errors: list[str] = []

    def add_error(self, field, errors):
        self.errors.extend(errors if isinstance(errors, list) else [errors])


@require_POST
@permission_required(MANAGE)
def decision_submit(request, code):
    return _lifecycle(request, code, None, lambda d, _: services.decision_submit(decision=d), None,
                      lambda d: f"{d.reference_code} is awaiting signature.")


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def decision_return(request, code):
    return _lifecycle(
        request, code, ReturnToDraftForm,
        lambda d, data: services.decision_return_to_draft(decision=d, reason=data["reason"], by=request.user),
        "funding/decisions/return.html",
        lambda d: f"{d.reference_code} is a draft again: change it, then submit it for signature again.",
        allowed=(DecisionStatus.AWAITING_SIGNATURE,),
        refused=lambda d: f"{d.reference_code} is a draft already: it can be changed as it is.")


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def decision_sign(request, code):
    return _lifecycle(
        request, code, SignForm,
        lambda d, data: services.decision_sign(decision=d, date_signed=data["date_signed"],
                                               signed_pdf=data["signed_pdf"], by=request.user),
        "funding/decisions/sign.html", lambda d: f"{d.reference_code} is signed and published on the register.",
        allowed=(DecisionStatus.AWAITING_SIGNATURE,))


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def decision_withdraw(request, code):
    return _lifecycle(request, code, WithdrawForm,
                      lambda d, data: services.decision_withdraw(decision=d, reason=data["reason"]),
                      "funding/decisions/withdraw.html", lambda d: f"{d.reference_code} is withdrawn.",
                      allowed=DECISION_MACHINE.sources(DecisionStatus.WITHDRAWN))


# The parts of a decision, added, changed and removed through one set of views.
PARTS = {
    "lines": (Line, LineForm, "line"),
    "risks": (Risk, RiskForm, "risk"),
    "milestones": (Milestone, MilestoneForm, "milestone"),
    "items": (DecisionItem, DecisionItemForm, "decision item"),
    "relations": (DecisionRelation, RelationForm, "related decision"),
}


def _part_spec(kind):
    if kind not in PARTS:
        raise Http404("No such part")
    return PARTS[kind]


def _save_part(part, decision):
    if isinstance(part, Line):
        return services.line_save(line=part)
    return services.part_save(part=part, decision=decision)


def _delete_part(part, decision):
    if isinstance(part, Line):
        return services.line_delete(line=part)
    return services.part_delete(part=part, decision=decision)


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def part_add(request, code, kind):
    decision = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    if kind == "documents":
        return _document_add(request, decision)
    model, form_class, noun = _part_spec(kind)
    if locked := _editable_or_redirect(request, decision):
        return locked
    form = form_class(**form_data(request), instance=model(**{selectors.part_owner_field(model): decision}))
    if request.method == "POST" and form.is_valid() and _apply(form, lambda: _save_part(form.instance, decision)):
        messages.success(request, f"The {noun} is added.")
        return redirect(reverse("funding:decision_detail", kwargs={"code": code}) + f"#{kind}")
    return render(request, "funding/parts/form.html", {"form": form, "decision": decision, "noun": noun,
                                                      "adding": True})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def part_edit(request, code, kind, pk):
    decision = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    model, form_class, noun = _part_spec(kind)
    part = scoped_object_or_404(selectors.parts_of(decision, model), pk=pk)
    if locked := _editable_or_redirect(request, decision):
        return locked
    form = form_class(**form_data(request), instance=part)
    if request.method == "POST" and form.is_valid() and _apply(form, lambda: _save_part(form.instance, decision)):
        messages.success(request, f"The {noun} is saved.")
        return redirect(reverse("funding:decision_detail", kwargs={"code": code}) + f"#{kind}")
    return render(request, "funding/parts/form.html", {"form": form, "decision": decision, "noun": noun})


@require_http_methods(["GET", "POST"])
@permission_required(MANAGE)
def part_delete(request, code, kind, pk):
    decision = scoped_object_or_404(selectors.decisions_visible_to(request.user), reference_code=code)
    if kind == "documents":
        part, noun = scoped_object_or_404(selectors.appendices_of(decision, request.user), pk=pk), "document"
    else:
        model, _form, noun = _part_spec(kind)
        part = scoped_object_or_404(selectors.parts_of(decision, model), pk=pk)
    if locked := _editable_or_redirect(request, decision):
        return locked
    if request.method == "POST":
        holder = _MessagesOnly()
        action = ((lambda: services.document_delete(document=part)) if kind == "documents"
                  else (lambda: _delete_part(part, decision)))
        try:
            action()
        except ValidationError as error:
            holder.add_error(None, error.messages)
        for message in holder.errors:
            messages.error(request, message)
        if not holder.errors:
            messages.success(request, f"The {noun} is removed.")
        return redirect(reverse("funding:decision_detail", kwargs={"code": code}) + f"#{kind}")
    return render(request, "funding/parts/delete.html", {"decision": decision, "part": part, "noun": noun})


def _document_add(request, decision):
    if locked := _editable_or_redirect(request, decision):
        return locked
    form = DocumentForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _apply(form, lambda: services.document_add(decision=decision, title=data["title"],
                                                      uploaded_file=data["file"],
                                                      is_confidential=data["is_confidential"], by=request.user)):
            messages.success(request, "The document is uploaded.")
            return redirect(reverse("funding:decision_detail", kwargs={"code": decision.reference_code})
                            + "#documents")
    return render(request, "funding/parts/form.html", {"form": form, "decision": decision, "noun": "document",
                                                      "adding": True})


@require_safe
@permission_required("funding.view_risk_register")
def risk_register(request):
    return render(request, "funding/risks/register.html", {
        "pagination": _paginate(request, selectors.risk_register(), ("risk", "risks")), "rag_rule": RAG_RULE_TEXT})


# Funding streams (public) ------------------------------------------------------------------

@require_safe
def stream_list(request):
    return render(request, "funding/streams/list.html", {
        "streams": selectors.streams_for_listing(), "totals": selectors.all_stream_totals(),
        "can_manage": request.user.has_perm("funding.manage_streams")})


@require_safe
def stream_detail(request, pk):
    stream = scoped_object_or_404(selectors.stream_for_page(request.user, pk))
    return render(request, "funding/streams/detail.html", {
        "stream": stream, "totals": selectors.stream_allocation_totals(stream),
        "decisions": selectors.stream_decisions(stream, request.user),
        "can_manage": request.user.has_perm("funding.manage_streams")})


# Funding streams (officers) ----------------------------------------------------------------

@require_safe
@permission_required("funding.manage_streams")
def stream_manage(request):
    return render(request, "funding/streams/manage.html", {"streams": selectors.streams_for_officers()})


@require_http_methods(["GET", "POST"])
@permission_required("funding.manage_streams")
def stream_create(request):
    return _stream_form(request, FundingStream())


@require_http_methods(["GET", "POST"])
@permission_required("funding.manage_streams")
def stream_edit(request, pk):
    return _stream_form(request, scoped_object_or_404(selectors.all_streams(), pk=pk))


def _stream_form(request, stream):
    code_fixed_by = services.signed_decisions_naming(stream) if stream.pk else []
    heading = f"Change {stream.name}" if stream.pk else "Add a funding stream"  # before the form changes it
    form = FundingStreamForm(**form_data(request), instance=stream, code_fixed_by=code_fixed_by)
    if request.method == "POST" and form.is_valid():
        saved = _apply(form, lambda: services.stream_save(stream=form.instance, funders=form.cleaned_data["funders"]))
        if saved:
            messages.success(request, f"{saved.name} ({saved.short_name}) saved.")
            return redirect("funding:stream_detail", pk=saved.pk)
    return render(request, "funding/streams/form.html", {"form": form, "stream": stream, "heading": heading})


@require_http_methods(["GET", "POST"])
@permission_required("funding.manage_streams")
def stream_allocation_add(request, pk):
    stream = scoped_object_or_404(selectors.all_streams(), pk=pk)
    form = StreamAllocationForm(**form_data(request), instance=StreamAllocation(stream=stream))
    if request.method == "POST" and form.is_valid() and _apply(
            form, lambda: services.allocation_save(allocation=form.instance)):
        messages.success(request, "The amount is recorded.")
        return redirect("funding:stream_detail", pk=stream.pk)
    return render(request, "funding/streams/allocation_form.html", {"form": form, "stream": stream})
