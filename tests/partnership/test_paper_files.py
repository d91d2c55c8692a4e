"""The content of an uploaded paper must match its extension."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from partnership.common.sample_documents import minimal_docx, minimal_odt, minimal_pdf
from partnership.services.paper_files import OLE2_MAGIC, paper_file_check, safe_original_filename
from tests.support.hostile_files import PDF_POLYGLOT, SVG_IMAGE, WEB_PAGE, zip_bomb_docx

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def upload(name, content):
    return SimpleUploadedFile(name, content)


def zip_with(*names):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return out.getvalue()


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("paper.pdf", minimal_pdf("Board paper"), "application/pdf"),
    ("Paper.PDF", minimal_pdf("Board paper"), "application/pdf"),
    ("paper.docx", minimal_docx("Hello"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("paper.odt", minimal_odt("Hello"), "application/vnd.oasis.opendocument.text"),
    ("paper.doc", OLE2_MAGIC + b"\x00" * 504, "application/msword"),
    ("sheet.xls", OLE2_MAGIC + b"\x00" * 504, "application/vnd.ms-excel"),
    ("sheet.xlsx", zip_with("[Content_Types].xml", "xl/workbook.xml"),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("slides.pptx", zip_with("[Content_Types].xml", "ppt/presentation.xml"),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
])
def test_real_documents_are_accepted(name, content, content_type):
    assert paper_file_check(upload(name, content)).content_type == content_type


@pytest.mark.parametrize(("name", "content", "message"), [
    ("minutes.pdf", EXE, "is called .pdf but its content is not a PDF file"),
    ("minutes.docx", EXE, "is called .docx but its content is not a Word file"),
    ("minutes.doc", minimal_pdf("x"), "is called .doc but its content is not a Word file"),
    # A Word file renamed to look like a spreadsheet: a real zip, the wrong inner folder.
    ("minutes.xlsx", minimal_docx("x"), "is called .xlsx but its content is not an Excel file"),
    ("minutes.odt", minimal_docx("x"), "is called .odt but its content is not an OpenDocument text file"),
    ("minutes.docx", b"PK\x03\x04 truncated zip", "is called .docx"),
    ("setup.exe", EXE, "must be a PDF, Word"),
    ("no-extension", minimal_pdf("x"), "must be a PDF, Word"),
    ("empty.pdf", b"", "is empty"),
])
def test_wrong_content_is_refused_with_a_clear_message(name, content, message):
    with pytest.raises(ValidationError) as refused:
        paper_file_check(upload(name, content))
    assert message in refused.value.messages[0]


@override_settings(PAPER_MAX_UPLOAD_BYTES=1000)
def test_a_file_over_the_limit_is_refused():
    with pytest.raises(ValidationError, match="must be smaller than 1000"):
        paper_file_check(upload("big.pdf", b"%PDF-" + b"0" * 2000))


@pytest.mark.parametrize(("given", "kept"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\me\\Board paper.docx", "Board paper.docx"),
    ("evil\r\nX-Header: 1.pdf", "evilX-Header: 1.pdf"),
    ("Réunion – été.pdf", "Réunion – été.pdf"),
    ("", "paper"),
])
def test_original_filenames_are_made_safe(given, kept):
    assert safe_original_filename(given) == kept


def test_long_original_filenames_keep_their_extension():
    name = safe_original_filename("a" * 400 + ".pdf")
    assert len(name) == 255 and name.endswith(".pdf")


def _encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "content", "message"), [
    # A web page that starts like a PDF passed a check of the first bytes alone.
    ("paper.pdf", PDF_POLYGLOT, "holds web page code"),
    # A valid PDF's header with nothing a PDF reader can open.
    ("paper.pdf", b"%PDF-1.7\n" + b"0" * 500, "its content is not a PDF file"),
    ("paper.pdf", _encrypted_pdf(), "protected by a password"),
    ("image.svg", SVG_IMAGE, "must be a PDF, Word"),
    ("page.html", WEB_PAGE, "must be a PDF, Word"),
    ("bomb.docx", zip_bomb_docx(), "would unpack to far more than its size"),
])
def test_hostile_files_are_refused(name, content, message):
    with pytest.raises(ValidationError) as refused:
        paper_file_check(upload(name, content))
    assert message in refused.value.messages[0]


def test_a_zip_bomb_is_refused_by_its_declared_sizes_without_unpacking_it():
    bomb = zip_bomb_docx(unpacked_megabytes=300)
    assert len(bomb) < 1024 * 1024  # 300 MB of zeros in a few hundred kilobytes
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="would unpack"):
        paper_file_check(upload("bomb.docx", bomb))
    assert time.perf_counter() - started < 1  # the entries were never inflated


def test_a_large_real_word_file_is_not_taken_for_a_bomb():
    # Pictures do not compress: 15 MB of random bytes in a real package unpacks to its own size.
    import os

    real = zipfile.ZipFile(io.BytesIO(minimal_docx("Photos")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in real.infolist():
            archive.writestr(entry.filename, real.read(entry.filename))
        archive.writestr("word/media/photo.jpeg", os.urandom(15 * 1024 * 1024))
    assert paper_file_check(upload("photos.docx", out.getvalue())).extension == "docx"
