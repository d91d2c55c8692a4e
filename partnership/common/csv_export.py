"""CSV exports, the one place every app's CSV goes through.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
formula, so every such cell is neutralised with a leading apostrophe. Other apps (resettlement,
funding) import these rather than keep their own copies: one rule, one test."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell as text a spreadsheet will show, never run: None is an empty cell."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    """A CSV download: the header row as given, then every cell of every row neutralised."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return response
