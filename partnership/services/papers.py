"""Writes about papers: upload, publish and unpublish, visibility. Notices of published papers
go through partnership.services.meeting_notices (rows in the same transaction, never mail)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.models import AgendaItem, Body, Meeting, Paper, PaperVisibility, User
from partnership.search.services import search_index

from . import meeting_notices
from .paper_files import paper_file_check, safe_original_filename
from .paper_text import paper_text_requested
from .places import place_resolve


@transaction.atomic
def paper_upload(*, title: str, uploaded_file, visibility: str, by: User, body: Body | None = None,
                 meeting: Meeting | None = None, agenda_item: AgendaItem | None = None,
                 publish: bool = False) -> Paper:
    if visibility not in PaperVisibility.values:
        raise ValidationError({"visibility": "Choose who may see the paper."})
    try:
        paper_format = paper_file_check(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    body, meeting, agenda_item = place_resolve(body=body, meeting=meeting, agenda_item=agenda_item)
    original_filename = safe_original_filename(uploaded_file.name)
    uploaded_file.name = f"upload.{paper_format.extension}"  # the stored name is generated anyway
    paper = Paper.objects.create(
        body=body, meeting=meeting, agenda_item=agenda_item, title=title.strip(),
        file=uploaded_file, original_filename=original_filename,
        content_type=paper_format.content_type, size_bytes=uploaded_file.size,
        visibility=visibility, uploaded_by=by,
    )
    search_index(paper)
    paper_text_requested(paper)
    if publish:
        papers_publish(papers=[paper], by=by)
    return paper


@transaction.atomic
def papers_publish(*, papers: list[Paper], by: User) -> list[Paper]:
    """Publishes the papers not yet published and queues their notices; returns those published."""
    now = timezone.now()
    newly = [paper for paper in papers if paper.published_at is None]
    for paper in newly:
        paper.published_at = now
        paper.save(update_fields=["published_at"])
        search_index(paper)
    if newly:
        meeting_notices.on_papers_published(papers=newly)
    return newly


@transaction.atomic
def paper_unpublish(*, paper: Paper, by: User) -> None:
    paper.published_at = None
    paper.save(update_fields=["published_at"])
    search_index(paper)


@transaction.atomic
def paper_edit(*, paper: Paper, title: str, visibility: str, by: User) -> Paper:
    if visibility not in PaperVisibility.values:
        raise ValidationError({"visibility": "Choose who may see the paper."})
    paper.title = title.strip()
    paper.visibility = visibility
    paper.save(update_fields=["title", "visibility"])
    search_index(paper)
    return paper
