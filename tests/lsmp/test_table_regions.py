"""Every table of a page sits in a labelled, keyboard-focusable scrolling region, so that a wide
table scrolls on its own on a phone instead of the page (WCAG 2.2 SC 1.4.10 Reflow). The
every-page browser test measures the result; this finds the table a new template forgets."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Templates rendered to PDF, never shown in a browser: they extend pdf_base.html.
PDF_BASE = '{% extends "pdf_base.html" %}'
# The label may hold template tags (with quotes of their own): {{ entry.when|date:"j F Y" }}.
REGION = re.compile(r'<div class="lsmp-table-region" role="region" '
                    r'aria-label="(?:\{\{.*?\}\}|[^"{])+" tabindex="0">\s*$')


def test_every_table_is_in_a_labelled_focusable_region():
    unwrapped, tables = [], 0
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        text = path.read_text()
        if text.startswith(PDF_BASE):
            continue
        for match in re.finditer(r"<table\b", text):
            tables += 1
            if not REGION.search(text[:match.start()].rstrip(" \t")):
                unwrapped.append(f"{name}:{text[:match.start()].count(chr(10)) + 1}")
    assert tables > 40
    assert not unwrapped, f"tables outside a lsmp-table-region: {unwrapped}"
