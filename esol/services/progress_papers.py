"""A round's progress paper for the LSMP board: its figures and the latest accepted return of each
project, rendered from an HTML template as a tagged PDF and filed as a members' paper on a chosen
meeting of the board. The paper links back to the round and to the decisions that fund it, and
the round lists the papers it sent, so the chain reads both ways."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from partnership.models import Meeting, MeetingStatus, PaperVisibility, User

# The paper is partnership's: it is written by the one service that writes papers, so the
# paper upload's checks and the published-paper notices apply to it as to any other.
from partnership.services.papers import paper_upload

from ..exports import progress_paper_pdf
from ..models import ProgressPaper, Round
from ..selectors.progress_papers import LSMP_BOARD


def progress_paper_create(*, round_: Round, meeting: Meeting, by: User, publish: bool = False) -> ProgressPaper:
    if not by.is_gla_officer:
        raise ValidationError("Only GLA officers send progress papers to the LSMP board.")
    if meeting.body.short_name != LSMP_BOARD:
        raise ValidationError({"meeting": "Choose a meeting of the LSMP board."})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError({"meeting": "That meeting is cancelled: choose another."})
    as_at = timezone.localdate()
    content = progress_paper_pdf(round_)
    upload = SimpleUploadedFile(f"{round_.name} progress report {as_at:%Y-%m-%d}.pdf", content,
                                content_type="application/pdf")
    with transaction.atomic():
        paper = paper_upload(title=f"{round_.name}: progress report, {as_at:%-d %B %Y}", uploaded_file=upload,
                             visibility=PaperVisibility.MEMBERS, by=by, meeting=meeting, publish=publish)
        return ProgressPaper.objects.create(round=round_, paper=paper, created_by=by)
