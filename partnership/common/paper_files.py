"""What an uploaded paper really is: the file's first bytes (and, for zip-based formats, its
inner entries) must match its extension. A renamed program is refused whatever it is called.
Kit, so that every upload of a document (a meeting paper, an ESOL return's evidence) follows
the same rules."""

import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

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


def _looks_like(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if extension == "pdf":
        return head.startswith(PDF_MAGIC)
    if extension in {"doc", "xls", "ppt"}:
        return head == OLE2_MAGIC
    if not head.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if extension in ODF_EXTENSIONS:
                # ODF: a stored "mimetype" entry that names the document type.
                if "mimetype" not in names:
                    return False
                # Read a few bytes only: a crafted entry could inflate to gigabytes.
                with archive.open("mimetype") as entry:
                    declared = entry.read(100).decode("ascii", "replace").strip()
                return declared == FORMATS[extension].content_type
            folder = OOXML_FOLDERS[extension]
            return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError):
        return False
    finally:
        uploaded.seek(0)


def paper_file_check(uploaded) -> PaperFormat:
    """The format of an uploaded paper, or a ValidationError with a message the uploader can act on."""
    limit = settings.PAPER_MAX_UPLOAD_BYTES
    if uploaded.size == 0:
        raise ValidationError("The selected file is empty.", code="empty")
    if uploaded.size > limit:
        raise ValidationError(f"The selected file must be smaller than {filesizeformat(limit)}.",
                              code="too_large")
    extension = _extension(uploaded.name or "")
    paper_format = FORMATS.get(extension)
    if paper_format is None:
        raise ValidationError(f"The selected file must be a {ACCEPTED_DESCRIPTION}.", code="extension")
    if not _looks_like(uploaded, extension):
        article = "an" if paper_format.label[0] in "AEIOU" else "a"
        raise ValidationError(
            f"The selected file is called .{extension} but its content is not {article} {paper_format.label} "
            f"file. Save it again as a real {paper_format.label} file and upload that.",
            code="content_mismatch")
    return paper_format
