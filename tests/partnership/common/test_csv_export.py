"""The one CSV formula-neutralisation rule every app's export goes through
(partnership.common.csv_export); each app's own export test proves its download uses it."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from partnership.common.csv_export import csv_response, neutralise

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
    (" =1+1", " =1+1"),
    ("", ""),
    (None, ""),
    (5, "5"),
    (Decimal("154000.00"), "154000.00"),
    (-3, "'-3"),  # a negative number is shown as text, never evaluated
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_response_neutralises_every_row_cell_and_is_a_private_utf8_download():
    response = csv_response("things.csv", ["Name", "Amount"], [["=cmd()", Decimal("1.50")], ["\tx", None]])
    assert response["Content-Disposition"] == 'attachment; filename="things.csv"'
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Name", "Amount"], ["'=cmd()", "1.50"], ["'\tx", ""]]


def test_no_app_keeps_its_own_copy_of_the_rule():
    copies = [str(path.relative_to(ROOT)) for app in ("partnership", "taskgroups", "resettlement", "esol", "funding")
              for path in (ROOT / app).rglob("*.py")
              if "FORMULA_STARTS" in path.read_text() or '("=", "+", "-", "@"' in path.read_text()]
    assert copies == ["partnership/common/csv_export.py"]
