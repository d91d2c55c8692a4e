"""How complete and how trustworthy each translation of the public pages is, read from the .po
files themselves (locale/<language>/LC_MESSAGES/django.po): the officers' languages page shows
it, and tests/lsmp/test_translations.py holds every file to 100 %."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import to_locale

REVIEW_HEADER = "X-Reviewed-By-Fluent-Speaker"
ENGLISH_NAMES = {"ar": "Arabic", "bn": "Bengali", "zh-hans": "Chinese (Simplified)", "el": "Greek",
                 "gu": "Gujarati", "hi": "Hindi", "pa": "Punjabi (Gurmukhi)", "tr": "Turkish", "ur": "Urdu",
                 "vi": "Vietnamese"}


@dataclass(frozen=True)
class Entry:
    context: str
    msgid: str
    translations: tuple[str, ...]
    fuzzy: bool

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.translations) and all(self.translations)


@dataclass(frozen=True)
class LanguageReport:
    code: str
    name: str
    english_name: str
    path: Path
    translated: int
    total: int
    reviewed: str  # the header's words: "no", or who reviewed it and when

    @property
    def percent(self) -> int:
        return 100 * self.translated // self.total if self.total else 0

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed.strip().lower() not in ("", "no")


def _unquote(lines: list[str]) -> str:
    text = "".join(re.fullmatch(r'"(.*)"', line.strip()).group(1) for line in lines)
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: escapes.get(match.group(1), match.group(1)), text)


def po_entries(path: Path) -> tuple[dict[str, str], list[Entry]]:
    """(headers, entries) of a .po file; obsolete (#~) entries are left out."""
    entries, headers = [], {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if line.strip() and not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif current and line.startswith('"'):
                fields[current].append(line)
        values = {key: _unquote(value) for key, value in fields.items()}
        if values.get("msgid") == "":
            headers = dict(line.split(": ", 1) for line in values.get("msgstr", "").split("\n") if ": " in line)
            continue
        translations = tuple(value for key, value in sorted(values.items()) if key.startswith("msgstr"))
        entries.append(Entry(values.get("msgctxt", ""), values["msgid"], translations, fuzzy))
    return headers, entries


def po_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES" / "django.po"


def translation_report() -> list[LanguageReport]:
    reports = []
    for code, name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        path = po_path(code)
        headers, entries = po_entries(path) if path.exists() else ({}, [])
        reports.append(LanguageReport(
            code=code, name=name, english_name=ENGLISH_NAMES.get(code, code), path=path,
            translated=sum(entry.translated for entry in entries), total=len(entries),
            reviewed=headers.get(REVIEW_HEADER, "no")))
    return reports
