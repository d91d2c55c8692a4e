"""Seed 004 (London Enriched Year 2) through the import: the real counts, the deadlines read as
dates, partners as organisations; all or nothing; an export imports again as the same plan."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partnership.models import Action, Organisation, OrganisationKind
from taskgroups.models import Priority, Theme, Workplan, WorkplanAction
from taskgroups.services import workplan_imports
from taskgroups.services.exports import workplan_rows
from taskgroups.services.spreadsheets import export_headers, xlsx_bytes
from tests.factories.partnership import BodyFactory, gla_officer
from tests.support.two_factor import sign_in_fully

SEED_004 = Path(workplan_imports.__file__).parents[1] / "demo" / "london-enriched-year-2-implementation-plan.xlsx"
PRIORITY_NUMBERS = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1", "4.2",
                    "4.3", "5.1", "5.2", "6.1", "6.2", "7.1", "7.2", "7.3", "8.1", "8.2", "8.3", "8.4"]
# Actions per priority in the seed, in order.
ACTIONS_PER_PRIORITY = [2, 2, 2, 3, 1, 2, 1, 1, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 4, 2, 1, 3, 2, 2, 2]


def _upload(content: bytes, name: str):
    return SimpleUploadedFile(name, content)


def _read(officer, body, content, name="plan.xlsx", **kwargs):
    return workplan_imports.workplan_import_read(
        uploaded_file=_upload(content, name), owner_body=body, title=kwargs.get("title", "London Enriched Year 2"),
        first_year=2011, last_year=2011, default_owner=officer, by=officer)


@pytest.fixture
def officer(db):
    return gla_officer(email="officer@example.org")


@pytest.fixture
def board(db):
    return BodyFactory(name="London Strategic Migration Partnership board", short_name="LSMP")


def test_seed_004_preview_counts_before_anything_is_written(officer, board):
    record = _read(officer, board, SEED_004.read_bytes())
    preview = workplan_imports.workplan_import_preview(record)
    assert (preview.themes, preview.priorities, preview.actions) == (8, 25, 52)
    assert preview.errors == []
    assert "UK Border Agency" in preview.partners_created
    assert preview.partners_matched == []
    # The actions the seed gives no date for are listed (they fall due at the plan's end).
    assert len(preview.unread_deadlines) == 12
    assert preview.plan_ends == dt.date(2012, 3, 31)
    assert not Workplan.objects.exists() and not Action.objects.exists()


def test_seed_004_imports_every_theme_priority_action_and_partner(officer, board):
    Organisation.objects.create(name="Refugee Council", kind=OrganisationKind.CIVIL_SOCIETY)
    record = _read(officer, board, SEED_004.read_bytes())
    preview = workplan_imports.workplan_import_preview(record)
    assert preview.partners_matched == ["Refugee Council"]
    workplan = workplan_imports.workplan_import_commit(workplan_import=record, by=officer)

    themes = list(Theme.objects.filter(workplan=workplan).order_by("number"))
    assert [t.number for t in themes] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert themes[0].title == "English Language"
    assert themes[7].title == "Cross cutting themes" and themes[7].core_objective == ""
    priorities = list(Priority.objects.filter(theme__workplan=workplan).select_related("theme")
                      .order_by("theme__number", "position"))
    assert [p.number for p in priorities] == PRIORITY_NUMBERS
    assert [p.workplan_actions.count() for p in priorities] == ACTIONS_PER_PRIORITY
    links = WorkplanAction.objects.filter(priority__theme__workplan=workplan).select_related("action", "priority")
    assert links.count() == 52 == Action.objects.filter(body=board).count()

    def due(start):
        return next(link.action.due_on for link in links if link.action.description.startswith(start))

    assert due("Commission a feasibility study") == dt.date(2011, 9, 30)  # by September 2011
    assert due("Assess impact of Team London") == dt.date(2011, 12, 31)  # by Dec 2011
    assert due("Maintain ESOL as a priority") == dt.date(2012, 3, 31)  # in 2011/12
    # "in June 2011 and December 2011": one action, due on the later date, the wording kept.
    six_monthly = next(link for link in links if link.action.description.startswith("Hold 2 six-monthly"))
    assert six_monthly.action.due_on == dt.date(2011, 12, 31)
    assert six_monthly.deadline_text == "in June 2011 and December 2011"
    assert due("Coordinate the Human Trafficking") == dt.date(2012, 3, 31)  # no deadline: the plan's end
    assert set(next(link for link in links if link.priority.number == "3.2").partners.values_list("name", flat=True)) \
        == {"London First", "SERTUC", "MPS", "Institute for Human Rights and Business"}
    assert Organisation.objects.filter(name="Refugee Council").count() == 1
    assert Organisation.objects.get(name="UK Border Agency").kind == OrganisationKind.GOVERNMENT
    assert all(link.action.owner_user == officer for link in links)
    record.refresh_from_db()
    assert record.workplan == workplan
    with pytest.raises(ValidationError):
        workplan_imports.workplan_import_commit(workplan_import=record, by=officer)
    assert Workplan.objects.count() == 1


def test_rows_with_problems_are_listed_and_nothing_is_imported(officer, board):
    csv = ("Theme number,Theme title,Core objective,Priority number,Priority title,Year objective,Action,Deadline,"
           "Partners\n1,Housing,Access,1.1,Move-on,Faster,Set up a working group,by May 2011,Refugee Council\n"
           "1,Housing,Access,2.1,Wrong theme,Faster,Report,by June 2011,\n"
           "x,Health,,3.1,Health,Better,,,\n")
    record = _read(officer, board, csv.encode(), name="plan.csv")
    messages = {(e["row"], e["column"]) for e in record.errors}
    assert (3, "Priority number") in messages
    assert (4, "Theme number") in messages and (4, "Action") in messages
    with pytest.raises(ValidationError):
        workplan_imports.workplan_import_commit(workplan_import=record, by=officer)
    assert not Workplan.objects.exists() and not Action.objects.exists() and not Organisation.objects.filter(
        name="Refugee Council").exists()


def test_a_failure_half_way_leaves_nothing_behind(officer, board, monkeypatch):
    record = _read(officer, board, SEED_004.read_bytes())
    calls = []
    real = workplan_imports.action_create

    def fail_on_tenth(**kwargs):
        calls.append(1)
        if len(calls) == 10:
            raise ValidationError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(workplan_imports, "action_create", fail_on_tenth)
    with pytest.raises(ValidationError):
        workplan_imports.workplan_import_commit(workplan_import=record, by=officer)
    assert len(calls) == 10
    assert not Workplan.objects.exists() and not Theme.objects.exists() and not Action.objects.exists()
    assert not Organisation.objects.filter(name="UK Border Agency").exists()


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_export_imports_again_as_the_same_workplan(officer, board, file_format, client):
    first = workplan_imports.workplan_import_commit(
        workplan_import=_read(officer, board, SEED_004.read_bytes()), by=officer)
    sign_in_fully(client, officer)
    response = client.get(f"/task-groups/workplans/{first.pk}/export.{file_format}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    again = workplan_imports.workplan_import_commit(
        workplan_import=_read(officer, board, content, name=f"export.{file_format}"), by=officer)

    def shape(workplan):
        return [row[:9] + row[9:11] for row in workplan_rows(workplan)]

    assert shape(again) == shape(first)
    assert len(shape(first)) == 52


def test_the_xlsx_writer_keeps_formulas_as_text():
    from openpyxl import load_workbook

    content = xlsx_bytes("Plan", export_headers(), [["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)"]])
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert [cell.data_type for cell in sheet[2][:3]] == ["s", "s", "s"]


def test_a_zip_bomb_dressed_as_a_spreadsheet_is_refused_before_it_is_opened(officer, board):
    import zipfile

    real = zipfile.ZipFile(io.BytesIO(xlsx_bytes("Plan", export_headers(), [])))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for entry in real.infolist():
            archive.writestr(entry.filename, real.read(entry.filename))
        archive.writestr("xl/sharedStrings-padding.xml", b"\x00" * (60 * 1024 * 1024))
    assert len(bomb.getvalue()) < 2 * 1024 * 1024  # under the import's size limit
    with pytest.raises(ValidationError) as refused:
        _read(officer, board, bomb.getvalue())
    assert "would unpack to far more than its size" in refused.value.message_dict["file"][0]
    assert not Workplan.objects.exists()
