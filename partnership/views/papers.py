"""Papers: public and scoped lists, a page per paper, the permission-checked download, and
the GLA officers' upload, edit, publish and unpublish."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.downloads import stored_file_download
from partnership.common.forms import form_data
from partnership.common.next_url import safe_next_url
from partnership.common.pagination import paginate
from partnership.common.query_params import query_id
from partnership.common.uploads import install_paper_size_limit
from partnership.filters import PaperFilter
from partnership.forms.papers import PaperEditForm, PaperUploadForm
from partnership.models import PaperVisibility
from partnership.selectors.bodies import bodies_for_listing
from partnership.selectors.meetings import meetings_for_listing
from partnership.selectors.papers import papers_for_listing, papers_for_user, papers_of_body, papers_of_meeting
from partnership.services.papers import paper_edit as paper_edit_service
from partnership.services.papers import paper_unpublish as paper_unpublish_service
from partnership.services.papers import paper_upload as paper_upload_service
from partnership.services.papers import papers_publish

PAGE_SIZE = 100


def _render_list(request, papers, *, heading, intro="", context=None, filterable=True):
    filterset = None
    if filterable:
        filterset = PaperFilter(request.GET or None, queryset=papers,
                                show_visibility=request.user.is_authenticated and request.user.is_gla_officer)
        papers = filterset.qs
    pagination = paginate(request.GET, papers, noun=("paper", "papers"), per_page=PAGE_SIZE)
    return render(request, "partnership/papers/list.html", {
        "pagination": pagination, "papers": pagination.page.object_list, "filter": filterset, "heading": heading,
        "intro": intro, **(context or {})})


@require_safe
def paper_list(request):
    """Anonymous visitors see published public papers; signed-in people what their scope allows."""
    return _render_list(request, papers_for_listing(request.user), heading="Papers")


@require_safe
def paper_body_list(request, body_id):
    body = scoped_object_or_404(bodies_for_listing(), pk=body_id)  # bodies are public; their papers are scoped
    papers = papers_of_body(request.user, body)
    return _render_list(request, papers, heading=f"Papers of {body.name}", filterable=False,
                        context={"body": body})


@require_safe
def paper_meeting_list(request, meeting_id):
    meeting = scoped_object_or_404(meetings_for_listing(), pk=meeting_id)
    papers = papers_of_meeting(request.user, meeting)
    return _render_list(request, papers, heading=f"Papers for {meeting.display_title}, {meeting.starts_at:%d %B %Y}",
                        filterable=False, context={"meeting": meeting})


@require_safe
def paper_detail(request, pk):
    paper = scoped_object_or_404(papers_for_user(request.user), pk=pk)
    return render(request, "partnership/papers/detail.html", {"paper": paper})


@require_safe
def paper_download(request, pk):
    """The only way to a paper's file: through the user's scope, as an attachment."""
    paper = scoped_object_or_404(papers_for_user(request.user), pk=pk)
    response = stored_file_download(paper.file, filename=paper.original_filename, content_type=paper.content_type)
    if paper.visibility == PaperVisibility.PUBLIC and paper.published_at is not None:
        patch_cache_control(response, max_age=300)
    else:
        # Members' and restricted papers must not be kept by the browser or any cache on the way.
        patch_cache_control(response, no_store=True, private=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _prefill(request):
    return {name: pk for name in ("body", "meeting", "agenda_item") if (pk := query_id(request.GET, name))}


@csrf_exempt  # the upload size limit must be installed before CSRF reads the body ...
@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_papers")
def paper_upload(request):
    size_limit = install_paper_size_limit(request) if request.method == "POST" else None
    return _paper_upload(request, size_limit)


@csrf_protect  # ... so CSRF is checked here, after it
def _paper_upload(request, size_limit):
    form = PaperUploadForm(**form_data(request), initial=_prefill(request))
    next_url = safe_next_url(request)  # the meeting or body page the upload started from
    if request.method == "POST":
        form.is_valid()
        if size_limit is not None and "file" in size_limit.too_large_fields:
            form.errors.pop("file", None)
            form.add_error("file", f"The selected file must be smaller than {filesizeformat(size_limit.limit)}")
        if form.is_valid():
            data = form.cleaned_data
            try:
                paper = paper_upload_service(
                    title=data["title"], uploaded_file=data["file"], visibility=data["visibility"],
                    body=data["body"], meeting=data["meeting"], agenda_item=data["agenda_item"],
                    publish=data["publish"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Paper uploaded: {paper.title}"
                                          f"{' (published)' if paper.published_at else ' (not published yet)'}.")
                return redirect(next_url or reverse("partnership:paper_detail", args=[paper.pk]))
    return render(request, "partnership/papers/upload.html",
                  {"form": form, "max_bytes": settings.PAPER_MAX_UPLOAD_BYTES, "next_url": next_url})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_papers")
def paper_edit(request, pk):
    paper = scoped_object_or_404(papers_for_user(request.user), pk=pk)
    form = PaperEditForm(**form_data(request), initial={"title": paper.title, "visibility": paper.visibility})
    if request.method == "POST" and form.is_valid():
        try:
            paper_edit_service(paper=paper, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Paper saved.")
            return redirect("partnership:paper_detail", pk=paper.pk)
    return render(request, "partnership/papers/edit.html", {"form": form, "paper": paper})


@require_POST
@permission_required("partnership.manage_papers")
def paper_publish(request, pk):
    paper = scoped_object_or_404(papers_for_user(request.user), pk=pk)
    if papers_publish(papers=[paper], by=request.user):
        messages.success(request, "Paper published.")
    return redirect("partnership:paper_detail", pk=paper.pk)


@require_POST
@permission_required("partnership.manage_papers")
def paper_unpublish(request, pk):
    paper = scoped_object_or_404(papers_for_user(request.user), pk=pk)
    paper_unpublish_service(paper=paper, by=request.user)
    messages.success(request, "Paper unpublished: only GLA officers can see it now.")
    return redirect("partnership:paper_detail", pk=paper.pk)
