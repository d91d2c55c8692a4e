"""CSV exports, the one place every app's CSV goes through.

Spreadsheet programs run a cell that starts with = + - @ as a formula; some also read the
full-width and small forms of those signs (＝ ＋ － ＠) as formulas, and skip spaces, line breaks,
a byte-order mark and other invisible characters before them. So every cell that would start a
formula, after anything a spreadsheet may skip, is neutralised with a leading apostrophe; so is
every cell that starts with a tab or a carriage return. Other apps (resettlement, funding, task
groups) import these rather than keep their own copies: one rule, one test."""

import csv
from collections.abc import Iterator

from django.http import StreamingHttpResponse

# The signs that start a formula: ASCII, full-width and small forms.
FORMULA_STARTS = frozenset("=+-@" "\uff1d\uff0b\uff0d\uff20" "\ufe66\ufe62\ufe63\ufe6b")
# Characters a spreadsheet may pass over before the sign: spaces (also no-break, ideographic and
# zero-width), tab, line breaks and the byte-order mark.
SKIPPED_BEFORE_FORMULA = "".join([
    " \t\r\n\x0b\x0c\u00a0\u1680\u202f\u205f\u3000",  # spaces, tab, line breaks
    "".join(chr(code) for code in range(0x2000, 0x200B)),  # the en quad to the hair space
    "\u200b\u200c\u200d\u2060\u2028\u2029\ufeff",  # zero-width, separators, byte-order mark
])
# A cell starting with one of these is neutralised whatever follows (they can smuggle a command).
ALWAYS_NEUTRALISED_STARTS = ("\t", "\r")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet might run this cell (or show it as something other than text)."""
    if not text:
        return False
    if text.startswith(ALWAYS_NEUTRALISED_STARTS):
        return True
    rest = text.lstrip(SKIPPED_BEFORE_FORMULA)
    return bool(rest) and rest[0] in FORMULA_STARTS


def neutralise(value) -> str:
    """The cell as text a spreadsheet will show, never run: None is an empty cell."""
    text = "" if value is None else str(value)
    return f"'{text}" if looks_like_formula(text) else text


def restored(text: str) -> str:
    """A cell read back from one of our exports, as it was before neutralise marked it."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text


class _Line:
    """A file for csv.writer whose write() hands the line back instead of keeping it."""

    def write(self, line: str) -> str:
        return line


# Lines sent to the client at a time: large enough that a 100,000-row export is a few hundred
# chunks, small enough that the server holds little of it.
LINES_PER_CHUNK = 500
# Rows read from the database at a time by an export's queryset.iterator(chunk_size=EXPORT_CHUNK).
EXPORT_CHUNK = 2000


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    """A CSV download: the header row as given, then every cell of every row neutralised.

    Streamed as `rows` is read: with rows from queryset.iterator(chunk_size=...) the server never
    holds the whole list. A year's 100,000 actions, built as one response, took 249 MB (issue 12)."""
    writer = csv.writer(_Line())

    def lines() -> Iterator[str]:
        chunk = ["\ufeff", writer.writerow(header)]  # the byte-order mark: Excel then reads UTF-8
        for row in rows:
            chunk.append(writer.writerow([neutralise(cell) for cell in row]))
            if len(chunk) >= LINES_PER_CHUNK:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
