""""Create the progress report": the workplan's progress rendered as a PDF paper and attached,
as a members' paper, to the next meeting of the body that owns the workplan, ready for its
agenda. The paper is left unpublished: it is published with the meeting's other papers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from partnership.models import Meeting, MeetingStatus, Paper, PaperVisibility, User
from partnership.services.papers import paper_upload

from ..charts import progress_chart
from ..models import Workplan
from ..selectors.workplans import workplan_progress


def next_meeting_of(body, *, now=None) -> Meeting | None:
    now = now or timezone.now()
    return (Meeting.objects.filter(body=body, status=MeetingStatus.SCHEDULED, starts_at__gt=now)
            .order_by("starts_at").first())


def progress_report_pdf(*, workplan: Workplan, today=None) -> bytes:
    from partnership.common.pdf import render_pdf

    today = today or timezone.localdate()
    progress = workplan_progress(workplan, today)
    title = f"{workplan.title}: progress report, {today:%-d %B %Y}"
    return render_pdf("taskgroups/workplans/progress_report_pdf.html",
                      {"workplan": workplan, "progress": progress, "chart": progress_chart(progress),
                       "today": today}, title=title)


@transaction.atomic
def progress_report_create(*, workplan: Workplan, by: User, now=None) -> Paper:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers create progress reports.")
    now = now or timezone.now()
    meeting = next_meeting_of(workplan.owner_body, now=now)
    if meeting is None:
        raise ValidationError(f"{workplan.owner_body} has no meeting scheduled: schedule the next meeting first, "
                              "then create the progress report.")
    today = timezone.localdate(now)
    content = progress_report_pdf(workplan=workplan, today=today)
    upload = SimpleUploadedFile(f"{workplan.title} progress {today:%Y-%m-%d}.pdf", content,
                                content_type="application/pdf")
    return paper_upload(title=f"{workplan.title}: progress report, {today:%-d %B %Y}", uploaded_file=upload,
                        visibility=PaperVisibility.MEMBERS, by=by, meeting=meeting)
