"""Papers: upload, checks, download headers, scope of lists, publishing."""

import os
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnership.common.sample_documents import minimal_docx, minimal_pdf
from partnership.models import Paper, PaperVisibility
from partnership.services import meeting_notices
from partnership.views.papers import PAGE_SIZE as PAPERS_PAGE_SIZE
from tests.factories.meetings import AgendaItemFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory, MeetingFactory, MembershipFactory
from tests.support.pagination import assert_flat_query_count_across_pages
from tests.support.two_factor import sign_in_fully

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 500
UPLOAD = reverse("partnership:paper_upload")


@pytest.fixture
def notices(monkeypatch):
    """Records calls of the meeting-notice hook (a no-op in this branch)."""
    calls = []
    monkeypatch.setattr(meeting_notices, "on_papers_published",
                        lambda *, papers: calls.append([p.pk for p in papers]) or 0)
    return calls


def upload_data(world, name="Board paper.pdf", content=None, **overrides):
    data = {"title": "Refugee housing: the move-on period", "visibility": "members", "body": world.mrap.pk,
            "file": SimpleUploadedFile(name, minimal_pdf("Board paper") if content is None else content)}
    data.update(overrides)
    return data


def test_an_officer_uploads_a_paper_to_an_agenda_item(world, client_for, notices):
    item = AgendaItemFactory(meeting__body=world.hmap, title="Move-on update")
    client = client_for(world.users["gla_officer"])
    assert f'value="{item.pk}" selected' in client.get(f"{UPLOAD}?agenda_item={item.pk}").text
    response = client.post(UPLOAD, upload_data(world, name="Move-on – été.docx", content=minimal_docx("x"),
                                               body="", agenda_item=item.pk, publish="on"))
    paper = Paper.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("partnership:paper_detail", args=[paper.pk])
    # The place follows from the agenda item.
    assert (paper.agenda_item, paper.meeting, paper.body) == (item, item.meeting, world.hmap)
    # The stored name is generated: nothing typed reaches the file system.
    assert paper.original_filename == "Move-on – été.docx"
    assert paper.file.name.startswith("papers/") and "Move" not in paper.file.name
    assert paper.file.name.endswith(".docx")
    assert paper.content_type.endswith("wordprocessingml.document")
    assert paper.size_bytes == paper.file.size and paper.uploaded_by == world.users["gla_officer"]
    assert paper.published_at is not None and notices == [[paper.pk]]


def test_an_unpublished_upload_sends_no_notice(world, client_for, notices):
    client_for(world.users["gla_officer"]).post(UPLOAD, upload_data(world))
    assert Paper.objects.get().published_at is None and notices == []


def test_a_meeting_of_another_body_is_refused(world, client_for):
    meeting = MeetingFactory(body=world.hmap)
    response = client_for(world.users["gla_officer"]).post(UPLOAD, upload_data(world, meeting=meeting.pk))
    assert "Choose a meeting of the selected body" in response.text and not Paper.objects.exists()


@pytest.mark.parametrize(("overrides", "message"), [
    ({"name": "minutes.pdf", "content": EXE}, "is called .pdf but its content is not a PDF file"),
    ({"name": "setup.exe", "content": EXE}, "The selected file must be a PDF, Word"),
    ({"title": "x" * 20_000}, "The title must be 300 characters or fewer (it has 20000)"),
    ({"title": ""}, "Enter the title of the paper"),
    ({"body": ""}, "Choose the body, meeting or agenda item the paper is for"),
    ({"visibility": "everyone"}, "Select who may see it from the list"),
    ({"body": "not-a-number"}, "Select the body from the list"),
])
def test_bad_uploads_get_a_clear_message_and_keep_what_was_typed(world, client_for, overrides, message):
    data = upload_data(world, name=overrides.pop("name", "Board paper.pdf"), content=overrides.pop("content", None),
                       **overrides)
    response = client_for(world.users["gla_officer"]).post(UPLOAD, data)
    assert response.status_code == 200
    assert "<title>Error: " in response.text and "govuk-error-summary" in response.text
    assert message in response.text
    if len(data["title"]) < 1000:
        assert f'value="{data["title"]}"' in response.text or not data["title"]
    assert not Paper.objects.exists()


class StreamedBody:
    """A request body produced chunk by chunk, so a 200 MB upload never sits in memory."""

    def __init__(self, chunks):
        self.chunks, self.buffer = iter(chunks), b""

    def read(self, size=-1):
        while size < 0 or len(self.buffer) < size:
            try:
                self.buffer += next(self.chunks)
            except StopIteration:
                break
        if size < 0:
            size = len(self.buffer)
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        return out

    def readline(self, size=-1):  # pragma: no cover - multipart parsing reads by size
        return self.read(size)


def test_a_200_mb_upload_gets_a_clear_message_not_a_500(world, client_for):
    client = client_for(world.users["gla_officer"])
    boundary = "LsmpBoundary7MA4YWxkTrZu0gW"
    megabyte = b"\0" * (1024 * 1024)
    size = 200 * len(megabyte)
    head = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in [("title", "Annual accounts (huge scan)"), ("visibility", "members"),
                            ("body", world.mrap.pk)])
    head += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n'
             "Content-Type: application/pdf\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    chunks = [head, b"%PDF-", *([megabyte] * 200), tail]
    environ = client._base_environ(
        PATH_INFO=UPLOAD, REQUEST_METHOD="POST", CONTENT_TYPE=f"multipart/form-data; boundary={boundary}",
        CONTENT_LENGTH=str(len(head) + 5 + size + len(tail)), **{"wsgi.input": StreamedBody(chunks)})
    response = client.handler(environ)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The selected file must be smaller than 20.0\xa0MB" in text
    assert 'value="Annual accounts (huge scan)"' in text  # what was typed is kept
    assert not Paper.objects.exists()


def test_upload_is_protected_against_cross_site_posts(world, client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    sign_in_fully(csrf_client, world.users["gla_officer"])
    assert csrf_client.post(UPLOAD, upload_data(world)).status_code == 403
    assert not Paper.objects.exists()


def test_download_is_an_attachment_that_is_not_stored_for_members_papers(world, client_for):
    paper = PaperFactory(body=world.mrap, visibility=PaperVisibility.MEMBERS,
                         original_filename='Réunion "board" été.pdf')
    response = client_for(world.users["panel_member"]).get(reverse("partnership:paper_download", args=[paper.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"filename*=utf-8''{quote(paper.original_filename)}" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_public_papers_may_be_cached(world, client_for):
    paper = PaperFactory(body=world.hmap, visibility=PaperVisibility.PUBLIC, original_filename="report.pdf")
    response = client_for(None).get(reverse("partnership:paper_download", args=[paper.pk]))
    assert response.status_code == 200 and "no-store" not in response["Cache-Control"]
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'


def test_files_are_not_reachable_from_a_public_url(world, client_for, settings):
    paper = PaperFactory(body=world.hmap, visibility=PaperVisibility.PUBLIC)
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))
    client = client_for(world.users["gla_officer"])
    for guess in [f"/{paper.file.name}", f"/media/{paper.file.name}", f"/static/{paper.file.name}"]:
        assert client.get(guess).status_code == 404, guess
    assert os.path.exists(paper.file.path)


def test_a_missing_file_is_a_404_not_a_500(world, client_for):
    paper = PaperFactory(body=world.hmap, visibility=PaperVisibility.PUBLIC)
    paper.file.delete(save=False)
    assert client_for(None).get(reverse("partnership:paper_download", args=[paper.pk])).status_code == 404


def test_anonymous_visitors_see_published_public_papers_only(world, client_for):
    PaperFactory(body=world.hmap, visibility=PaperVisibility.PUBLIC, title="Public and published")
    PaperFactory(body=world.hmap, visibility=PaperVisibility.PUBLIC, title="Public draft", published_at=None)
    PaperFactory(body=world.mrap, visibility=PaperVisibility.MEMBERS, title="For MRAP members")
    PaperFactory(body=world.mrap, visibility=PaperVisibility.RESTRICTED, title="Restricted note")
    text = client_for(None).get(reverse("partnership:paper_list")).text
    assert "Public and published" in text
    for hidden in ["Public draft", "For MRAP members", "Restricted note"]:
        assert hidden not in text


def test_borough_officers_see_only_their_bodies_members_papers(world, client_for):
    bron = BodyFactory(short_name="BRON", name="Borough resettlement officers' network")
    MembershipFactory(user=world.users["borough_a"], body=bron)
    PaperFactory(body=bron, title="BRON quarterly figures")
    PaperFactory(body=world.mrap, title="MRAP work plan")
    PaperFactory(body=bron, title="BRON restricted", visibility=PaperVisibility.RESTRICTED)
    camden = client_for(world.users["borough_a"]).get(reverse("partnership:paper_list")).text
    assert "BRON quarterly figures" in camden and "MRAP work plan" not in camden and "BRON restricted" not in camden
    hackney = client_for(world.users["borough_b"]).get(reverse("partnership:paper_list")).text
    assert "BRON quarterly figures" not in hackney
    # The per-body list obeys the same scope.
    body_page = client_for(world.users["borough_b"]).get(reverse("partnership:paper_body_list", args=[bron.pk]))
    assert body_page.status_code == 200 and "BRON quarterly figures" not in body_page.text


def test_publish_and_unpublish(world, client_for, notices):
    paper = PaperFactory(body=world.mrap, published_at=None)
    client = client_for(world.users["gla_officer"])
    client.post(reverse("partnership:paper_publish", args=[paper.pk]))
    paper.refresh_from_db()
    assert paper.published_at is not None and notices == [[paper.pk]]
    client.post(reverse("partnership:paper_publish", args=[paper.pk]))  # publishing twice notifies once
    assert notices == [[paper.pk]]
    client.post(reverse("partnership:paper_unpublish", args=[paper.pk]))
    paper.refresh_from_db()
    assert paper.published_at is None
    member = client_for(world.users["panel_member"])
    assert member.get(reverse("partnership:paper_detail", args=[paper.pk])).status_code == 404


def test_an_officer_changes_the_visibility(world, client_for):
    paper = PaperFactory(body=world.mrap, visibility=PaperVisibility.MEMBERS)
    client = client_for(world.users["gla_officer"])
    response = client.post(reverse("partnership:paper_edit", args=[paper.pk]),
                           {"title": "Renamed", "visibility": "restricted"})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert (paper.title, paper.visibility) == ("Renamed", "restricted")
    response = client.post(reverse("partnership:paper_edit", args=[paper.pk]), {"title": "y" * 20_000,
                                                                                 "visibility": "members"})
    assert response.status_code == 200 and "300 characters or fewer" in response.text


def _papers_maker(**fields):
    def make(n):
        for _ in range(n):
            PaperFactory(**fields)
    return make


@pytest.mark.parametrize("role", ["anonymous", "gla_officer", "panel_member"])
def test_paper_list_query_count_is_flat(world, client_for, role):
    meeting = MeetingFactory(body=world.mrap)
    item = AgendaItemFactory(meeting=meeting)
    visibility = PaperVisibility.PUBLIC if role == "anonymous" else PaperVisibility.MEMBERS
    _, large, page_two = assert_flat_query_count_across_pages(
        client_for(world.users[role]), reverse("partnership:paper_list"),
        _papers_maker(body=world.mrap, meeting=meeting, agenda_item=item, visibility=visibility),
        per_page=PAPERS_PAGE_SIZE)
    assert large.text.count("/download/") == PAPERS_PAGE_SIZE
    assert page_two.text.count("/download/") == 5


def test_body_and_meeting_paper_lists_query_count_is_flat(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    client = client_for(world.users["panel_member"])
    assert_flat_query_count_across_pages(client, reverse("partnership:paper_meeting_list", args=[meeting.pk]),
                                         _papers_maker(body=world.mrap, meeting=meeting), per_page=PAPERS_PAGE_SIZE)
    assert_flat_query_count_across_pages(client, reverse("partnership:paper_body_list", args=[world.hmap.pk]),
                                         _papers_maker(body=world.hmap, visibility=PaperVisibility.PUBLIC),
                                         per_page=PAPERS_PAGE_SIZE)


def test_paper_list_filters_by_body(world, client_for):
    PaperFactory(body=world.mrap, title="MRAP paper")
    PaperFactory(body=world.hmap, title="HMAP paper")
    text = client_for(world.users["gla_officer"]).get(reverse("partnership:paper_list"),
                                                      {"body": world.hmap.pk}).text
    assert "HMAP paper" in text and "MRAP paper" not in text
    bad = client_for(None).get(reverse("partnership:paper_list"), {"body": "x", "visibility": "<script>"})
    assert bad.status_code == 200


def test_published_timestamp_is_kept_when_editing(world, client_for):
    published = timezone.now()
    paper = PaperFactory(body=world.mrap, published_at=published)
    client_for(world.users["gla_officer"]).post(reverse("partnership:paper_edit", args=[paper.pk]),
                                                {"title": "New", "visibility": "public"})
    paper.refresh_from_db()
    assert paper.published_at == published
