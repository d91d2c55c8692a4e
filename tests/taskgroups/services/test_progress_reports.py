"""Progress and the RAG rule; the progress report lands as a members' paper on the next meeting."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from partnership.models import ActionStatus, MeetingStatus, PaperVisibility
from taskgroups.progress import rag_for
from taskgroups.selectors.workplans import workplan_progress
from taskgroups.services.progress_reports import progress_report_create
from tests.factories.partnership import MeetingFactory, gla_officer
from tests.factories.taskgroups import PriorityFactory, WorkplanActionFactory, WorkplanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("overdue", "live", "label"), [
    (0, 0, "Not rated"), (0, 5, "Green"), (1, 4, "Amber"), (1, 3, "Red"), (2, 5, "Red"), (3, 10, "Amber")])
def test_rag_rule(overdue, live, label):
    assert rag_for(overdue=overdue, live=live).label == label


def _workplan():
    workplan = WorkplanFactory(title="Move-on workplan")
    priority = PriorityFactory(theme__workplan=workplan)
    today = timezone.localdate()
    for status, due in [(ActionStatus.DONE, -5), (ActionStatus.OPEN, -1), (ActionStatus.IN_PROGRESS, 10),
                        (ActionStatus.OPEN, 10), (ActionStatus.DROPPED, -3)]:
        WorkplanActionFactory(priority=priority, action__status=status, action__due_on=today + dt.timedelta(days=due),
                              action__completed_on=today if status == ActionStatus.DONE else None)
    return workplan


def test_progress_buckets():
    progress = workplan_progress(_workplan()).progress
    assert (progress.done, progress.overdue, progress.in_progress, progress.not_started, progress.dropped) == \
        (1, 1, 1, 1, 1)
    assert progress.rag.label == "Amber"  # 1 of 4 live actions overdue


def test_progress_report_is_a_members_paper_on_the_next_meeting():
    officer = gla_officer()
    workplan = _workplan()
    body = workplan.owner_body
    with pytest.raises(ValidationError):
        progress_report_create(workplan=workplan, by=officer)  # no meeting scheduled yet
    now = timezone.now()
    MeetingFactory(body=body, starts_at=now + dt.timedelta(days=60), ends_at=now + dt.timedelta(days=60, hours=2))
    MeetingFactory(body=body, starts_at=now + dt.timedelta(days=5), ends_at=now + dt.timedelta(days=5, hours=2),
                   status=MeetingStatus.CANCELLED)
    soonest = MeetingFactory(body=body, starts_at=now + dt.timedelta(days=20),
                             ends_at=now + dt.timedelta(days=20, hours=2))
    paper = progress_report_create(workplan=workplan, by=officer)
    assert paper.meeting == soonest and paper.visibility == PaperVisibility.MEMBERS
    assert paper.content_type == "application/pdf" and paper.published_at is None
    paper.file.open("rb")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(paper.file.read())).pages)
    assert "Move-on workplan: progress report" in text
    assert "Amber" in text
