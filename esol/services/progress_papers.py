"""A round's progress paper for the LSMP board: its figures and the latest accepted return of each
project, rendered from an HTML template as a tagged PDF and filed as a members' paper on a chosen
meeting of the board. The paper links back to the round and to the decisions that fund it, and
the round lists the papers it sent, so the chain reads both ways."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnership.common.pdf import render_pdf
from partnership.models import Body, Meeting, MeetingStatus, PaperVisibility, User
from partnership.notifications.services.notice_links import portal_link
from partnership.services.papers import paper_upload

from ..models import MonitoringReturn, ProgressPaper, ReturnStatus, Round
from ..selectors.figures import round_figures
from ..selectors.rounds import round_funding

# The LSMP board is the body with this short name (partnership's demo and the real board).
LSMP_BOARD = "LSMP"


def lsmp_board() -> Body | None:
    return Body.objects.filter(short_name=LSMP_BOARD).first()


def board_meetings():
    """Meetings of the LSMP board a paper can go to: those still to come (and not cancelled)."""
    return (Meeting.objects.filter(body__short_name=LSMP_BOARD, starts_at__gte=timezone.now())
            .exclude(status=MeetingStatus.CANCELLED).select_related("body").order_by("starts_at"))


def latest_accepted_returns(round_: Round) -> list[MonitoringReturn]:
    """Each project's most recent accepted return (by the end of its period)."""
    accepted = (MonitoringReturn.objects.filter(project__round=round_, status=ReturnStatus.ACCEPTED)
                .select_related("project").prefetch_related("case_studies")
                .order_by("project__title", "project_id", "-period_end", "-pk"))
    latest = {}
    for monitoring_return in accepted:
        latest.setdefault(monitoring_return.project_id, monitoring_return)
    return list(latest.values())


def paper_context(round_: Round) -> dict:
    funding = round_funding(round_)
    decisions = {f.line.decision.reference_code: f.line.decision for f in funding}
    return {
        "round": round_, "figures": round_figures(round_), "funding": funding,
        "latest_returns": latest_accepted_returns(round_), "as_at": timezone.localdate(),
        "round_link": portal_link(reverse("esol:round_detail", args=[round_.pk])),
        "decision_links": [(decision, portal_link(reverse("funding:decision_detail",
                                                          kwargs={"code": code})))
                           for code, decision in sorted(decisions.items())],
    }


def progress_paper_pdf(round_: Round) -> bytes:
    return render_pdf("esol/progress_papers/paper.html", paper_context(round_),
                      title=f"{round_.name}: progress report")


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
