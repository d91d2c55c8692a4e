"""The one CSV formula-neutralisation rule every app's export goes through
(partnership.common.csv_export); each app's own export test proves its download uses it."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from partnership.common.csv_export import csv_response, neutralise, restored

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")"),
    ("+44 20 7983 4000", "'+44 20 7983 4000"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\rcmd", "'\rcmd"),
    ("Plain text", "Plain text"),
    ("a=b, c+d, e-f", "a=b, c+d, e-f"),  # only the first character matters
    ("", ""),
    (None, ""),
    (5, "5"),
    (Decimal("154000.00"), "154000.00"),
    (-3, "'-3"),  # a negative number is shown as text, never evaluated
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


# Spreadsheets skip what comes before the sign, or read other forms of it: each case once.
@pytest.mark.parametrize(("value", "expected"), [
    (" =1+1", "' =1+1"),  # a space
    ("   @SUM(A1:A9)", "'   @SUM(A1:A9)"),  # several spaces
    ("\n=HYPERLINK(\"http://evil.example\")", "'\n=HYPERLINK(\"http://evil.example\")"),  # a line break
    ("\r\n+1", "'\r\n+1"),  # a Windows line break
    ("\ufeff=1+1", "'\ufeff=1+1"),  # a byte-order mark
    ("\ufeff -2", "'\ufeff -2"),  # a byte-order mark, then a space
    ("\u00a0=1", "'\u00a0=1"),  # a no-break space
    ("\u200b@cmd", "'\u200b@cmd"),  # a zero-width space
    ("\u3000＝1+1", "'\u3000＝1+1"),  # an ideographic space, then a full-width equals sign
    ("＝HYPERLINK(\"http://evil.example\")", "'＝HYPERLINK(\"http://evil.example\")"),  # full-width equals
    ("＋44 20 7983 4000", "'＋44 20 7983 4000"),  # full-width plus
    ("－2＋3", "'－2＋3"),  # full-width minus
    ("＠SUM(A1)", "'＠SUM(A1)"),  # full-width at
    ("\ufe66cmd", "'\ufe66cmd"),  # small equals sign
    # Text that merely starts with a space or a line break stays as it is.
    (" Camden", " Camden"),
    ("\nSecond line", "\nSecond line"),
    ("\ufeffTitle", "\ufeffTitle"),
    ("a＝b", "a＝b"),
    ("   ", "   "),
])
def test_neutralise_sees_past_what_a_spreadsheet_skips(value, expected):
    assert neutralise(value) == expected
    assert restored(neutralise(value)) == value


def test_csv_response_neutralises_every_row_cell_and_is_a_private_utf8_download():
    response = csv_response("things.csv", ["Name", "Amount"],
                            [["=cmd()", Decimal("1.50")], ["\tx", None], [" =cmd()", "＝cmd()"]])
    assert response["Content-Disposition"] == 'attachment; filename="things.csv"'
    assert response["Cache-Control"] == "no-store"
    assert response.streaming  # sent as it is read, never held whole
    body = response.getvalue()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["Name", "Amount"], ["'=cmd()", "1.50"], ["'\tx", ""], ["' =cmd()", "'＝cmd()"]]


def test_no_app_keeps_its_own_copy_of_the_rule():
    copies = [str(path.relative_to(ROOT)) for app in ("partnership", "taskgroups", "resettlement", "esol", "funding")
              for path in (ROOT / app).rglob("*.py")
              if "FORMULA_STARTS" in path.read_text() or '("=", "+", "-", "@"' in path.read_text()]
    assert copies == ["partnership/common/csv_export.py"]
