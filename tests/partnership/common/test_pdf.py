import io

from pypdf import PdfReader

from partnership.common.pdf import render_pdf


def test_a_rendered_pdf_is_tagged_with_its_language_title_and_text():
    pdf = render_pdf("partnership/common/pdf_test_document.html", {"heading": "Progress", "figure": "£1,234.50"},
                     language="en-GB", title="Progress report")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Progress report"
    text = reader.pages[0].extract_text()
    assert "Progress" in text and "£1,234.50" in text
