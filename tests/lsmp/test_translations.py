"""The public pages' translations are complete and compile: a string marked for translation in a
template or form that any of the ten languages lacks (or has only as a fuzzy guess) fails here,
as does a .po file msgfmt refuses."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from lsmp.translations import REVIEW_HEADER, po_entries, po_path, translation_report

BASE = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What makemessages needs: the code and templates, never the virtualenv, the assets or the tests.
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "node_modules", "var", "static", "*.mo", "__pycache__",
                                    "tests", "docs", "frontend", "*.egg-info", ".ruff_cache", ".pytest_cache")


def _statistics(po: Path) -> str:
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],  # noqa: S603, S607
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{po} does not compile:\n{result.stderr}"
    return result.stderr


def test_there_is_a_file_for_each_of_the_ten_languages():
    assert len(LANGUAGES) == 10
    for code in LANGUAGES:
        assert po_path(code).exists(), code


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_file_compiles_with_every_message_translated(code):
    stats = _statistics(po_path(code))
    assert "untranslated" not in stats and "fuzzy" not in stats, f"{code}: {stats}"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The project's translatable strings extracted afresh and merged into a copy of each .po
    file, as a developer's `makemessages` would: a new string shows up as untranslated."""
    copy = tmp_path_factory.mktemp("project") / "portal"
    shutil.copytree(BASE, copy, ignore=NOT_COPIED)
    locales = [arg for code in LANGUAGES for arg in ("-l", code.replace("-hans", "_Hans"))]
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "makemessages", *locales, "--no-obsolete", "-i", "tests/*"],
        cwd=copy, capture_output=True, text=True, env={"DJANGO_SETTINGS_MODULE": "lsmp.settings.test",
                                                        "PATH": "/usr/bin:/bin", "SECRET_KEY": "extract"})
    assert result.returncode == 0, result.stderr
    return copy


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_marked_string_of_the_public_pages_is_translated(code, extracted):
    merged = extracted / po_path(code).relative_to(BASE)
    stats = _statistics(merged)
    _headers, entries = po_entries(merged)
    missing = [entry.msgid for entry in entries if not entry.translated]
    assert not missing, f"{code} lacks a translation of: {missing[:10]}"
    assert "untranslated" not in stats and "fuzzy" not in stats, f"{code}: {stats}"
    # The strings of the public pages really were found (the extraction did not come up empty).
    ids = {entry.msgid for entry in entries}
    for expected in ("Contact the Migration Team", "Check your answers before sending your message",
                     "What else can you offer?", "Something else", "Your reference number", "Page not found"):
        assert expected in ids, expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_file_says_whether_a_fluent_speaker_reviewed_it(code):
    headers, _entries = po_entries(po_path(code))
    assert REVIEW_HEADER in headers, code
    text = po_path(code).read_text(encoding="utf-8")
    if headers[REVIEW_HEADER].strip().lower() == "no":
        assert "NOT REVIEWED BY A FLUENT SPEAKER" in text.split("msgid", 1)[0]


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_and_links_survive_translation(code):
    _headers, entries = po_entries(po_path(code))
    for entry in entries:
        wanted = sorted(re.findall(r"%\([a-z_]+\)[sd]|%%\{count\}|href=\"[^\"]+\"", entry.msgid))
        for translation in entry.translations:
            found = sorted(re.findall(r"%\([a-z_]+\)[sd]|%%\{count\}|href=\"[^\"]+\"", translation))
            if "%(count)d" in entry.msgid and found != wanted:
                continue  # a plural form may spell out "one hour" without the number
            assert found == wanted, f"{code}: {entry.msgid!r} -> {translation!r}"


def test_the_report_counts_what_the_files_hold():
    reports = {report.code: report for report in translation_report()}
    assert set(reports) == set(LANGUAGES)
    for report in reports.values():
        assert report.total > 100 and report.translated == report.total and report.percent == 100
        assert report.is_reviewed is False
