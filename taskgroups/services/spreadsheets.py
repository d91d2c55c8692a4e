"""The workplan spreadsheet: one row per action. Reads XLSX and CSV into rows of the known
columns (headers matched loosely, unknown columns ignored); writes the same columns, so an
export imports again as the same workplan."""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from partnership.common.csv_export import restored
from partnership.services.paper_files import FORMATS, uploaded_file_check

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_ONLY = {"xlsx": FORMATS["xlsx"]}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("theme_number", "Theme number", True, ("theme no", "theme")),
    Column("theme_title", "Theme title", True),
    Column("core_objective", "Core objective", True),
    Column("priority_number", "Priority number", True, ("priority no", "priority")),
    Column("priority_title", "Priority title", True),
    Column("year_objective", "Year objective", True, ("year 2 objective",)),
    Column("action", "Action", True, ("year 2 actions", "actions")),
    Column("deadline", "Deadline", True, ("deadline text",)),
    Column("partners", "Partners", True, ("gla partners", "partner organisations")),
    # Optional: who owns the action (a portal account's email) and a due date that wins over
    # the deadline's wording. The export writes both, so a re-import keeps them.
    Column("owner_email", "Owner email", False, ("owner",)),
    Column("due_on", "Due date", False, ("due on", "due")),
)
EXPORT_ONLY_HEADERS = ("Status", "Completed on")
PARTNER_SEPARATOR = ";"


def _normal(header) -> str:
    return " ".join(str(header or "").replace("_", " ").lower().split())


HEADER_KEYS = {alias: column.key for column in COLUMNS
               for alias in (_normal(column.header), _normal(column.key), *column.aliases)}


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = " ".join(str(value).split())
    # A cell our CSV export neutralised ('=...) reads back as it was written.
    return restored(text)


def _rows_from_table(table) -> list[dict]:
    """table: an iterable of rows (sequences of cell values); the first non-blank row is the header."""
    header = None
    rows = []
    for number, raw in enumerate(table, start=1):
        cells = [_cell_text(value) for value in raw]
        if not any(cells):
            continue
        if header is None:
            header = [HEADER_KEYS.get(_normal(cell)) for cell in cells]
            missing = [c.header for c in COLUMNS if c.required and c.key not in header]
            if missing:
                raise ValidationError(
                    f"The first row must name the columns. Missing: {', '.join(missing)}. The columns are: "
                    + ", ".join(c.header for c in COLUMNS) + ".")
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(f"The spreadsheet has more than {MAX_ROWS} rows: split it into smaller plans.")
        row = {"row": number}
        for key, cell in zip(header, cells, strict=False):
            if key and key not in row:
                row[key] = cell
        rows.append(row)
    if header is None:
        raise ValidationError("The spreadsheet is empty.")
    if not rows:
        raise ValidationError("The spreadsheet has a header row but no actions.")
    return rows


def _read_xlsx(content: bytes) -> list[dict]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ValidationError("The file is not a spreadsheet Excel can open. Save it again as .xlsx.") from error
    try:
        return _rows_from_table(workbook.worksheets[0].iter_rows(values_only=True, max_col=40))
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[dict]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ValidationError("The CSV file's text could not be read. Save it as CSV UTF-8.")
    try:
        return _rows_from_table(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ValidationError(f"The CSV file could not be read: {error}.") from error


def spreadsheet_read(uploaded_file) -> list[dict]:
    """The rows of an uploaded .xlsx or .csv file, or a ValidationError saying what to fix."""
    name = (uploaded_file.name or "").lower()
    if uploaded_file.size == 0:
        raise ValidationError("The selected file is empty.")
    if uploaded_file.size > MAX_BYTES:
        raise ValidationError("The selected file must be smaller than 2 MB.")
    if name.endswith(".xlsx"):
        # The portal's upload rules first: a real Excel package that does not unpack to far more
        # than it weighs (openpyxl would inflate a zip bomb's shared strings into memory).
        uploaded_file_check(uploaded_file, formats=XLSX_ONLY, accepted="Excel spreadsheet (.xlsx)")
        return _read_xlsx(uploaded_file.read())
    content = uploaded_file.read()
    if name.endswith(".csv"):
        return _read_csv(content)
    raise ValidationError("The selected file must be an Excel spreadsheet (.xlsx) or a CSV file (.csv).")


def export_headers() -> list[str]:
    return [column.header for column in COLUMNS] + list(EXPORT_ONLY_HEADERS)


def xlsx_bytes(title: str, header: list[str], rows) -> bytes:
    """A one-sheet workbook. Every text cell is stored as text, so nothing runs as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet1")

    def cell(value):
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            written.data_type = "s"
        return written

    sheet.append([cell(value) for value in header])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
