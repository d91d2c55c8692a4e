"""Documents the portal makes (decision forms, minutes, progress papers) are rendered from its own
HTML templates by WeasyPrint, which writes tagged PDFs: headings, tables and the document's
language reach screen readers, and any script the installed fonts cover can be printed.

WeasyPrint needs Pango from the operating system (Debian: libpango-1.0-0, libpangoft2-1.0-0);
`make install` and CI install them."""

from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, *, language: str = "en-GB", title: str = "") -> bytes:
    """The template rendered as a tagged PDF (PDF/UA), its language and title set.

    The template is a whole HTML document; `language` and `title` are also handed to it, so it
    can set <html lang> and <title>, which WeasyPrint turns into the PDF's language and title."""
    from weasyprint import HTML  # imported here: the web process need not load it until a PDF is made

    html = render_to_string(template_name, {**context, "pdf_language": language, "pdf_title": title})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
