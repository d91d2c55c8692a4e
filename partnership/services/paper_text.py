"""The words inside a paper's file, for the site search: read after upload by a Celery task
(partnership/tasks.py), or for papers uploaded before by `manage.py paper_text_extract`.

Maintained readers, one per family: pypdf (PDF), python-docx (Word), openpyxl (Excel),
python-pptx (PowerPoint); OpenDocument text, spreadsheets and presentations are zipped XML
that the standard library reads (content.xml's paragraphs). The old
binary Office formats (.doc, .xls, .ppt) have none we trust, so their text is "not available",
as is any file a reader cannot open: corrupt, encrypted, too large unpacked. That is a status on
the paper, never an error: the upload has long succeeded and the paper is found by its title."""

import io
import logging
import zipfile

from celery import current_app
from django.conf import settings
from django.db import transaction

from partnership.models import Paper, PaperTextStatus
from partnership.search.services import TEXT_LIMIT, clean_text, search_index

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 500
# The upload refuses zip bombs already (paper_files.py); this guards files that came another way.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


class TextNotAvailable(Exception):
    """The file's words cannot be read; the reason is for the log only."""


def _zip_checked(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise TextNotAvailable("unpacks to too much")
    except zipfile.BadZipFile as error:  # an encrypted Office file is not a zip at all
        raise TextNotAvailable("not a zip (corrupt or encrypted)") from error


def _pdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise TextNotAvailable("encrypted PDF")
    return [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]


def _docx(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    words = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        words += [cell.text for row in table.rows for cell in row.cells]
    return words


def _xlsx(data: bytes) -> list[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                for value in row if value is not None]
    finally:
        workbook.close()


def _pptx(data: bytes) -> list[str]:
    from pptx import Presentation

    words = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                words.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                words += [cell.text for row in shape.table.rows for cell in row.cells]
    return words


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odf(data: bytes) -> list[str]:
    """OpenDocument text, spreadsheet or presentation: every heading and paragraph of its
    content.xml (cells and text boxes hold paragraphs too). A file that declares a DOCTYPE or an
    entity is refused before parsing, so no entity (external or expanding) is ever read."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        raise TextNotAvailable("content.xml declares a DOCTYPE or entities")  # never in a real ODF file
    root = ElementTree.fromstring(content)  # noqa: S314 - no DOCTYPE, so no entity of any kind
    return ["".join(element.itertext()) for element in root.iter()
            if element.tag in (f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h")]


READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "pptx": _pptx, "odt": _odf, "ods": _odf, "odp": _odf}
ZIPPED = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}


def text_of(data: bytes, extension: str) -> str:
    """The words of a file of that extension; TextNotAvailable when they cannot be read."""
    reader = READERS.get(extension.lower())
    if reader is None:
        raise TextNotAvailable(f"no reader for .{extension}")
    if extension.lower() in ZIPPED:
        _zip_checked(data)
    try:
        parts = reader(data)
    except TextNotAvailable:
        raise
    except Exception as error:  # noqa: BLE001 - any reader failure means the same: no text
        raise TextNotAvailable(f"{type(error).__name__}: {error}") from error
    return clean_text(" ".join(" ".join(part.split()) for part in parts if part), TEXT_LIMIT).strip()


def _extension(paper: Paper) -> str:
    name = paper.file.name or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def paper_text_extract(*, paper_id: int) -> str | None:
    """Reads the paper's file and stores its words (or "text not available"), and updates its
    search entry in the same transaction. Returns the new status, None when the paper is gone.
    Reading happens outside the transaction; the write is skipped if the file changed meanwhile."""
    paper = Paper.objects.filter(pk=paper_id).first()
    if paper is None:
        return None
    try:
        with paper.file.open("rb") as stored:
            data = stored.read()
        text, status = text_of(data, _extension(paper)), PaperTextStatus.EXTRACTED
    except (TextNotAvailable, OSError) as error:
        logger.info("paper %s: text not available (%s)", paper_id, error)
        text, status = "", PaperTextStatus.NOT_AVAILABLE
    with transaction.atomic():
        current = Paper.objects.select_for_update().filter(pk=paper_id).first()
        if current is None or current.file.name != paper.file.name:
            return None
        current.text, current.text_status = text, status
        current.save(update_fields=["text", "text_status"])
        search_index(current)
    return status


def papers_waiting_for_text(limit: int = 200) -> list[int]:
    return list(Paper.objects.filter(text_status=PaperTextStatus.PENDING).order_by("pk")
                .values_list("pk", flat=True)[:limit])


def paper_text_requested(paper: Paper) -> None:
    """Once the upload commits, ask a worker to read the file (by task name: best effort; when
    the broker is away the beat's sweep reads it within ten minutes)."""
    if settings.PAPER_TEXT_KICK_ON_COMMIT:
        transaction.on_commit(lambda: _kick(paper.pk))


def _kick(paper_id: int) -> None:
    try:
        current_app.send_task("partnership.tasks.extract_paper_text", args=[paper_id], retry=False)
    except Exception:  # noqa: BLE001 - the sweep reads it later
        logger.warning("broker unreachable; paper %s waits for the sweep", paper_id)
