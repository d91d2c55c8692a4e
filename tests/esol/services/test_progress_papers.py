"""The progress paper: a tagged PDF of the round's figures and latest accepted returns, filed as a
members' paper on the chosen LSMP board meeting, linking back to the round and its decisions."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from esol.models import ProgressPaper, ReturnStatus
from esol.selectors.progress_papers import board_meetings
from esol.services import progress_papers as services
from partnership.models import MeetingStatus, PaperVisibility
from tests.factories.esol import CaseStudyFactory, ProjectFactory, funded_round, spending_line, submitted_return
from tests.factories.funding import SignedDecisionFactory
from tests.factories.partnership import BodyFactory, MeetingFactory, gla_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}


def _board():
    return BodyFactory(short_name="LSMP", name="London Strategic Migration Partnership board")


def _pdf_text_and_links(paper):
    with paper.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    links = [annotation.get_object()["/A"]["/URI"] for page in reader.pages
             for annotation in page.get("/Annots", []) if "/A" in annotation.get_object()]
    return reader, text, links


def test_the_paper_lands_on_the_chosen_board_meeting_with_links_back(storage):
    decision = SignedDecisionFactory(reference_code="ADD2388", title="Social Integration ESOL Plus project spending")
    round_ = funded_round("25000.00", line=spending_line("25000.00", decision=decision), name="ESOL Plus Arts")
    project = ProjectFactory(round=round_, title="Photography and creative writing", grant_awarded=Decimal("25000"),
                             target_enrolled=60, target_completed=40)
    accepted = submitted_return(project=project, status=ReturnStatus.ACCEPTED, learners_enrolled=45,
                                progress="Learners made a photo book of their neighbourhood.")
    CaseStudyFactory(monitoring_return=accepted, title="Finding words through pictures")
    board = _board()
    meeting = MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=20))

    created = services.progress_paper_create(round_=round_, meeting=meeting, by=gla_officer())

    paper = created.paper
    assert (paper.meeting, paper.body, paper.visibility) == (meeting, board, PaperVisibility.MEMBERS)
    assert paper.published_at is None  # the officer publishes it when ready
    assert paper.content_type == "application/pdf"
    reader, text, links = _pdf_text_and_links(paper)
    assert reader.metadata.title == "ESOL Plus Arts: progress report"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged, for screen readers
    flat = " ".join(text.split())
    for expected in ("ESOL Plus Arts", "ADD2388", "Photography and creative writing", "45 of 60 (75%)",
                     "Learners made a photo book", "Finding words through pictures"):
        assert expected in flat, (expected, flat)
    assert any(link.endswith("/funding/decisions/ADD2388/") for link in links), links
    assert any(link.endswith(f"/esol/rounds/{round_.pk}/") for link in links)
    assert ProgressPaper.objects.get(round=round_).paper == paper


def test_only_a_board_meeting_that_is_not_cancelled(storage):
    round_ = funded_round("1000.00")
    other = MeetingFactory(body=BodyFactory(short_name="MRAP"))
    with pytest.raises(ValidationError, match="LSMP board"):
        services.progress_paper_create(round_=round_, meeting=other, by=gla_officer())
    cancelled = MeetingFactory(body=_board(), status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"):
        services.progress_paper_create(round_=round_, meeting=cancelled, by=gla_officer())
    assert not ProgressPaper.objects.exists()


def test_board_meetings_offered_are_the_boards_coming_ones_soonest_first():
    board = _board()
    later = MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=60))
    sooner = MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=10))
    MeetingFactory(body=board, starts_at=timezone.now() - dt.timedelta(days=10))
    MeetingFactory(body=BodyFactory(short_name="HMAP"))
    assert list(board_meetings()) == [sooner, later]
