"""What an uploaded file really is, for every upload of the portal (meeting papers, funding
decisions' documents and signed PDFs): its extension must be on the allow-list, and its content
must be what the extension says. A PDF must parse as one (pypdf); an Office or OpenDocument file
must be a zip with that format's entries, which must not unpack to far more than it weighs (a
zip bomb). A renamed program or web page is refused whatever it is called. The caller stores
the file under a generated name and serves it with the checked format's content type."""

import logging
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader
from pypdf.errors import PyPdfError

PDF_MAGIC = b"%PDF-"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # the container of old Office files
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class PaperFormat:
    extension: str
    content_type: str
    label: str


FORMATS = {f.extension: f for f in [
    PaperFormat("pdf", "application/pdf", "PDF"),
    PaperFormat("doc", "application/msword", "Word"),
    PaperFormat("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    PaperFormat("xls", "application/vnd.ms-excel", "Excel"),
    PaperFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    PaperFormat("ppt", "application/vnd.ms-powerpoint", "PowerPoint"),
    PaperFormat("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "PowerPoint"),
    PaperFormat("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text"),
    PaperFormat("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
    PaperFormat("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
]}

# The folder an Office Open XML package keeps its main part in.
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_EXTENSIONS = {"odt", "ods", "odp"}

ACCEPTED_DESCRIPTION = ("PDF, Word (.doc, .docx), Excel (.xls, .xlsx), PowerPoint (.ppt, .pptx) "
                        "or OpenDocument (.odt, .ods, .odp)")
PDF_ONLY = {"pdf": FORMATS["pdf"]}

# An Office or OpenDocument file is a zip. Real ones unpack to a few times their size (text and
# XML compress well; images do not compress at all); a zip bomb to thousands of times. The sizes
# checked are those the zip declares: nothing here unpacks the entries.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_UNPACK_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 10 * 1024 * 1024  # below this, no ratio makes a bomb
MAX_ZIP_ENTRIES = 10_000
# Markup a browser would run: a web page that starts with "%PDF-" to pass as a PDF.
HTML_MARKERS = (b"<html", b"<!doctype", b"<script", b"<body", b"<svg", b"<iframe", b"<head", b"<meta")

# pypdf reports each repair it makes to a damaged file as a warning: a refused upload is not a
# fault of the portal, so only errors are logged.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def safe_original_filename(name: str) -> str:
    """The name to offer on download: no folders, no control characters, at most 255 characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".")
    if len(name) > 255:
        stem, _, ext = name.rpartition(".")
        name = f"{stem[: 254 - len(ext)]}.{ext}" if stem and len(ext) <= 5 else name[:255]
    return name or "paper"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class ContentProblem(Exception):
    """The content is not a real file of its format; the message says why, for the uploader."""


def _head(uploaded, size: int) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def _check_pdf(uploaded) -> None:
    if not _head(uploaded, 8).startswith(PDF_MAGIC):
        raise ContentProblem("not_pdf")
    if any(marker in _head(uploaded, 4096).lower() for marker in HTML_MARKERS):
        raise ContentProblem("web_page")
    try:
        reader = PdfReader(uploaded, strict=False)
        if reader.is_encrypted:
            raise ContentProblem("encrypted")
        if len(reader.pages) < 1:
            raise ContentProblem("not_pdf")
    except ContentProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError) as broken:
        raise ContentProblem("not_pdf") from broken
    finally:
        uploaded.seek(0)


def _check_zip_sizes(archive: zipfile.ZipFile, packed_size: int) -> None:
    entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    too_dense = unpacked > RATIO_CHECKED_FROM_BYTES and unpacked > MAX_UNPACK_RATIO * max(packed_size, 1)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_BYTES or too_dense:
        raise ContentProblem("zip_bomb")


def _check_zip_format(uploaded, extension: str) -> None:
    if not _head(uploaded, 8).startswith(ZIP_MAGIC):
        raise ContentProblem("not_format")
    try:
        with zipfile.ZipFile(uploaded) as archive:
            _check_zip_sizes(archive, uploaded.size)
            names = archive.namelist()
            if extension in ODF_EXTENSIONS:
                # ODF: a stored "mimetype" entry that names the document type.
                if "mimetype" not in names:
                    raise ContentProblem("not_format")
                # Read a few bytes only: a crafted entry could inflate to gigabytes.
                with archive.open("mimetype") as entry:
                    declared = entry.read(100).decode("ascii", "replace").strip()
                if declared != FORMATS[extension].content_type:
                    raise ContentProblem("not_format")
                return
            folder = OOXML_FOLDERS[extension]
            if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
                raise ContentProblem("not_format")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError, EOFError) as broken:
        raise ContentProblem("not_format") from broken
    finally:
        uploaded.seek(0)


def _check_content(uploaded, extension: str) -> None:
    if extension == "pdf":
        _check_pdf(uploaded)
    elif extension in {"doc", "xls", "ppt"}:
        if _head(uploaded, 8) != OLE2_MAGIC:
            raise ContentProblem("not_format")
    else:
        _check_zip_format(uploaded, extension)


def _problem_message(problem: str, extension: str, paper_format: PaperFormat) -> str:
    label = paper_format.label
    article = "an" if label[0] in "AEIOU" else "a"
    if problem == "web_page":
        return (f"The selected file is called .{extension} but holds web page code, which a {label} file "
                f"never does. Save the document again as a real {label} file and upload that.")
    if problem == "encrypted":
        return "The selected PDF is protected by a password. Upload a copy without a password."
    if problem == "zip_bomb":
        return (f"The selected file would unpack to far more than its size, which no real {label} file does. "
                f"Save the document again as a {label} file and upload that.")
    return (f"The selected file is called .{extension} but its content is not {article} {label} "
            f"file. Save it again as a real {label} file and upload that.")


def uploaded_file_check(uploaded, *, formats: dict[str, PaperFormat] = FORMATS,
                        accepted: str = ACCEPTED_DESCRIPTION) -> PaperFormat:
    """The format of an uploaded file among `formats`, or a ValidationError with a message the
    uploader can act on."""
    limit = settings.PAPER_MAX_UPLOAD_BYTES
    if uploaded.size == 0:
        raise ValidationError("The selected file is empty.", code="empty")
    if uploaded.size > limit:
        raise ValidationError(f"The selected file must be smaller than {filesizeformat(limit)}.",
                              code="too_large")
    extension = _extension(uploaded.name or "")
    paper_format = formats.get(extension)
    if paper_format is None:
        raise ValidationError(f"The selected file must be a {accepted}.", code="extension")
    try:
        _check_content(uploaded, extension)
    except ContentProblem as problem:
        raise ValidationError(_problem_message(str(problem), extension, paper_format),
                              code="content_mismatch") from problem
    return paper_format


def download_filename(original: str, paper_format: PaperFormat | None) -> str:
    """The name a stored file downloads under: the uploader's name, made safe, ending with the
    checked format's extension (.bin for a file stored before the checks, of unknown format)."""
    name = safe_original_filename(original or "document")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem or 'document'}.{paper_format.extension if paper_format else 'bin'}"


def stored_file_format(stored_name: str) -> PaperFormat | None:
    """The format of a stored file, from the extension of its generated name (a file stored
    before these checks may have any extension: None then, and it is served as plain bytes)."""
    return FORMATS.get(_extension(stored_name or ""))


def paper_file_check(uploaded) -> PaperFormat:
    """The format of an uploaded paper, or a ValidationError with a message the uploader can act on."""
    return uploaded_file_check(uploaded)
