"""The words inside papers' files: read after upload for each supported type (files made here),
and a file that cannot be read is "text not available", never an error."""

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from partnership.common.sample_documents import minimal_docx, minimal_odt, minimal_pdf
from partnership.models import Paper, PaperTextStatus, PaperVisibility
from partnership.search.selectors import search
from partnership.services.paper_text import TextNotAvailable, text_of
from partnership.services.papers import paper_upload
from partnership.tasks import extract_paper_text, extract_waiting_paper_texts
from tests.factories.papers_actions import PaperFactory
from tests.support.hostile_files import zip_bomb_docx


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Tabled figure"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(text: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["B2"] = text
    workbook.active["C3"] = 1234
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _pptx(text: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = text
    slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1)).text_frame.text = "Speaker notes"
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def _odf(mimetype: str, body: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        archive.writestr("content.xml", prolog + '<office:document-content '
                         'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                         'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
                         f"<office:body>{body}</office:body></office:document-content>")
    return out.getvalue()


def _ods(text: str) -> bytes:
    return _odf("application/vnd.oasis.opendocument.spreadsheet",
                '<office:spreadsheet><table:table table:name="Figures"><table:table-row><table:table-cell>'
                f"<text:p>{escape(text)}</text:p></table:table-cell></table:table-row></table:table>"
                "</office:spreadsheet>")


def _odp(text: str) -> bytes:
    return _odf("application/vnd.oasis.opendocument.presentation",
                '<office:presentation><draw:page draw:name="1"><draw:frame><draw:text-box>'
                f"<text:p>{escape(text)}</text:p></draw:text-box></draw:frame></draw:page></office:presentation>")


def _broken_docx() -> bytes:
    """A Word package with every part the upload checks for, whose document part is not XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(minimal_docx("x"))) as real, zipfile.ZipFile(out, "w") as archive:
        for entry in real.infolist():
            data = b"<w:document><w:body" if entry.filename == "word/document.xml" else real.read(entry.filename)
            archive.writestr(entry.filename, data)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(minimal_pdf("Secret budget lines"))).pages:
        writer.add_page(page)
    writer.encrypt("a-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


MAKERS = {"pdf": minimal_pdf, "docx": _docx, "odt": minimal_odt, "xlsx": _xlsx, "pptx": _pptx, "ods": _ods,
          "odp": _odp}


@pytest.mark.parametrize("extension", sorted(MAKERS))
def test_the_words_of_each_supported_type_are_read(extension):
    text = text_of(MAKERS[extension]("Hotel accommodation pressures in Hillingdon"), extension)
    assert "Hotel accommodation pressures in Hillingdon" in text


def test_tables_and_other_shapes_are_read_too():
    assert "Tabled figure" in text_of(_docx("Body"), "docx")
    assert "1234" in text_of(_xlsx("Body"), "xlsx")
    assert "Speaker notes" in text_of(_pptx("Body"), "pptx")
    assert "Body" in text_of(minimal_docx("Body"), "docx")  # the sample documents' minimal package


@pytest.mark.parametrize(("extension", "data"), [
    ("pdf", b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n"),
    ("pdf", _encrypted_pdf()),
    ("docx", b"PK\x03\x04 not really a zip"),
    ("docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),  # an encrypted Office file is a CFB box
    ("xlsx", minimal_docx("A Word file named .xlsx")),
    ("pptx", b""),
    ("odt", b"PK\x05\x06" + b"\x00" * 18),  # an empty zip
    ("docx", _broken_docx()),
    ("ods", _odf("application/vnd.oasis.opendocument.spreadsheet", "<unclosed>")),
    ("odt", _odf("application/vnd.oasis.opendocument.text", "<text:p>&a;</text:p>",
                 prolog='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>')),
    ("docx", zip_bomb_docx(60)),
    ("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),  # old binary Word: no reader
    ("exe", b"MZ"),
])
def test_a_file_that_cannot_be_read_raises_text_not_available(extension, data):
    with pytest.raises(TextNotAvailable):
        text_of(data, extension)


@pytest.mark.django_db
def test_an_upload_is_read_by_the_task_and_found_by_its_words(world):
    officer = world.users["gla_officer"]
    paper = paper_upload(title="Quarterly note", by=officer, body=world.mrap, visibility=PaperVisibility.PUBLIC,
                         publish=True, uploaded_file=SimpleUploadedFile(
                             "note.docx", _docx("The Bibby Stockholm barge closed. আশ্রয়প্রার্থীদের জন্য"),
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    assert paper.text_status == PaperTextStatus.PENDING
    assert not list(search(officer, "barge").entries)
    assert extract_paper_text(paper.pk) == PaperTextStatus.EXTRACTED
    paper.refresh_from_db()
    assert "Bibby Stockholm" in paper.text
    assert [entry.title for entry in search(officer, "barge").entries] == ["Quarterly note"]
    assert [entry.title for entry in search(officer, "আশ্রয়প্রার্থীদের").entries] == ["Quarterly note"]


@pytest.mark.django_db
def test_an_unreadable_upload_succeeds_and_its_page_says_text_not_available(world, client_for):
    officer = world.users["gla_officer"]
    paper = paper_upload(title="Locked budget", by=officer, body=world.mrap, visibility=PaperVisibility.PUBLIC,
                         publish=True, uploaded_file=SimpleUploadedFile(
                             "budget.docx", _broken_docx(),
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    assert extract_paper_text(paper.pk) == PaperTextStatus.NOT_AVAILABLE
    paper.refresh_from_db()
    assert paper.text == ""
    page = client_for(officer).get(f"/papers/{paper.pk}/")
    assert page.status_code == 200 and "Text not available" in page.content.decode()
    assert [entry.title for entry in search(officer, "Locked budget").entries] == ["Locked budget"]


@pytest.mark.django_db
def test_a_missing_file_or_paper_is_no_error(world):
    paper = PaperFactory(text_status=PaperTextStatus.PENDING)
    paper.file.storage.delete(paper.file.name)
    assert extract_paper_text(paper.pk) == PaperTextStatus.NOT_AVAILABLE
    assert extract_paper_text(999_999) is None


@pytest.mark.django_db
def test_the_command_and_the_sweep_read_papers_still_waiting(world):
    waiting = PaperFactory(title="Old paper", file=ContentFile(minimal_pdf("Old winter shelter plan"), name="a.pdf"))
    done = PaperFactory(text_status=PaperTextStatus.NOT_AVAILABLE)
    out = io.StringIO()
    call_command("paper_text_extract", stdout=out)
    waiting.refresh_from_db()
    done.refresh_from_db()
    assert waiting.text_status == PaperTextStatus.EXTRACTED and "winter shelter" in waiting.text
    assert done.text_status == PaperTextStatus.NOT_AVAILABLE  # only waiting papers, unless --all
    assert "Searchable: 1" in out.getvalue()
    PaperFactory(text_status=PaperTextStatus.PENDING)
    assert extract_waiting_paper_texts() == 1
    assert not Paper.objects.filter(text_status=PaperTextStatus.PENDING).exists()


@pytest.mark.django_db
def test_words_only_for_a_paper_that_was_read_is_a_database_rule(world):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        PaperFactory(text="words", text_status=PaperTextStatus.NOT_AVAILABLE)
