"""Hostile uploads, made in code: web pages dressed as documents and a zip bomb dressed as a
Word file. Tests check that every upload of the portal refuses them."""

import io
import zipfile

from partnership.common.sample_documents import minimal_docx

WEB_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/enquiries/').then(r => r.text())</script></body></html>"
SVG_IMAGE = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
             b"<script>alert(1)</script></svg>")
# Starts like a PDF, so a check of the first bytes alone lets it through; a browser sees a page.
PDF_POLYGLOT = b"%PDF-1.4\n" + WEB_PAGE + b"\n%%EOF\n"


def zip_bomb_docx(unpacked_megabytes: int = 60) -> bytes:
    """A .docx whose document part unpacks to `unpacked_megabytes` of zeros from a few tens of
    kilobytes: a real Word package otherwise, so only the size check refuses it."""
    real = zipfile.ZipFile(io.BytesIO(minimal_docx("Bomb")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for entry in real.infolist():
            archive.writestr(entry.filename, real.read(entry.filename))
        with archive.open("word/media/padding.bin", "w") as padding:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_megabytes):
                padding.write(chunk)
    return out.getvalue()
