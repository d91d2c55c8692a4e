"""Importing a workplan from a spreadsheet, in two steps: read and check (nothing of the
workplan is written; the rows wait in a WorkplanImport for the officer's check of the
answers), then commit: every theme, priority, action and partner in one transaction, or none."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from partnership.models import Body, Organisation, OrganisationKind, User
from partnership.search.services import search_index
from partnership.services.actions import action_create

from ..models import Priority, Theme, Workplan, WorkplanAction, WorkplanImport
from .deadlines import deadline_read, period_end
from .spreadsheets import COLUMNS, PARTNER_SEPARATOR, spreadsheet_read

PRIORITY_NUMBER = re.compile(r"^(\d{1,3})\.(\d{1,3})$")
LIMITS = {"theme_title": 300, "deadline": 200, "action": 4000}
# Cells every row must fill; a deadline, partners and (theme 8 of London Enriched has none) a core
# objective may be blank.
REQUIRED = {c.key: c.header for c in COLUMNS
            if c.required and c.key not in ("deadline", "partners", "core_objective")}

# A partner the import has to create gets a kind from its name where the name says it plainly;
# anything else is recorded as civil society, and an officer can correct it on the organisation.
PARTNER_KIND_WORDS = (
    (("nhs", "public health", "health group", "doctors of the world"), OrganisationKind.HEALTH),
    (("college", "skills funding"), OrganisationKind.EDUCATION),
    (("agency", "job centre", "jobcentre", "home office", "department", "dwp", "bis", "defra", "mps", "mpa",
      "police", "authority"), OrganisationKind.GOVERNMENT),
    (("funders", "trust", "foundation for"), OrganisationKind.FUNDER),
    (("london first", "business"), OrganisationKind.BUSINESS),
)


def partner_kind(name: str) -> str:
    words = set(re.findall(r"[a-z]+", name.lower()))
    lowered = name.lower()
    for needles, kind in PARTNER_KIND_WORDS:
        if any((needle in words) if " " not in needle else (needle in lowered) for needle in needles):
            return kind
    return OrganisationKind.CIVIL_SOCIETY


def partner_names(cell: str) -> list[str]:
    names = []
    for part in (cell or "").split(PARTNER_SEPARATOR):
        name = " ".join(part.split()).strip(" ,.")
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names


def _parse_date(text: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def rows_check(rows: list[dict]) -> list[dict]:
    """The problems of each row: [{"row": 3, "column": "Priority number", "message": ...}]."""
    errors = []

    def error(row, key, message):
        header = next((c.header for c in COLUMNS if c.key == key), "")
        errors.append({"row": row["row"], "column": header, "message": message})

    themes, priorities, owners = {}, {}, {}
    emails = {row.get("owner_email", "").lower() for row in rows if row.get("owner_email")}
    if emails:
        owners = {email.lower(): True for email in User.objects.annotate(low=Lower("email"))
                  .filter(low__in=emails, is_active=True).values_list("email", flat=True)}
    for row in rows:
        for key, header in REQUIRED.items():
            if not row.get(key):
                error(row, key, f"Enter the {header.lower()}")
        for key, limit in LIMITS.items():
            if len(row.get(key, "")) > limit:
                error(row, key, f"Must be {limit} characters or fewer")
        theme = row.get("theme_number", "")
        if theme and not (theme.isdigit() and 0 < int(theme) < 1000):
            error(row, "theme_number", "Enter the theme number as a whole number, like 2")
            theme = ""
        number = row.get("priority_number", "")
        match = PRIORITY_NUMBER.match(number)
        if number and not match:
            error(row, "priority_number", "Enter the priority number as the theme number, a full stop and the "
                                          "priority's place in the theme, like 1.2")
        elif match and theme and int(match.group(1)) != int(theme):
            error(row, "priority_number", f"Priority {number} is not in theme {theme}: it must start with {theme}.")
        elif match and int(match.group(2)) == 0:
            error(row, "priority_number", "A priority's place in its theme starts at 1, like 1.1")
        if theme:
            seen = themes.setdefault(int(theme), (row.get("theme_title"), row["row"]))
            if seen[0] != row.get("theme_title"):
                error(row, "theme_title", f"Theme {theme} has another title on row {seen[1]}: use one title")
        if match and theme:
            seen = priorities.setdefault(number, (row.get("priority_title"), row["row"]))
            if seen[0] != row.get("priority_title"):
                error(row, "priority_title", f"Priority {number} has another title on row {seen[1]}: use one title")
        email = row.get("owner_email", "")
        if email and email.lower() not in owners:
            error(row, "owner_email", f"No portal account has the email address {email}")
        if row.get("due_on") and _parse_date(row["due_on"]) is None:
            error(row, "due_on", "Enter the due date as a date, like 2011-09-30 or 30/09/2011")
    return errors


@dataclass
class Preview:
    themes: int = 0
    priorities: int = 0
    actions: int = 0
    partners_matched: list[str] = field(default_factory=list)
    partners_created: list[str] = field(default_factory=list)
    unread_deadlines: list[dict] = field(default_factory=list)
    plan_ends: dt.date | None = None
    errors: list[dict] = field(default_factory=list)

    @property
    def can_commit(self) -> bool:
        return not self.errors and self.actions > 0


def _existing_partners(names) -> dict[str, Organisation]:
    lowered = {name.lower() for name in names}
    return {org.name.lower(): org for org in Organisation.objects.annotate(low=Lower("name")).filter(low__in=lowered)}


def workplan_import_preview(workplan_import: WorkplanImport) -> Preview:
    rows = workplan_import.rows
    names = []
    for row in rows:
        for name in partner_names(row.get("partners", "")):
            if name.lower() not in {n.lower() for n in names}:
                names.append(name)
    existing = _existing_partners(names)
    unread = []
    for row in rows:
        if row.get("due_on"):
            continue
        deadline = deadline_read(row.get("deadline", ""))
        if not deadline.was_read:
            unread.append({"row": row["row"], "priority": row.get("priority_number", ""),
                           "action": row.get("action", ""), "deadline": row.get("deadline", "")})
    return Preview(
        themes=len({row.get("theme_number") for row in rows}),
        priorities=len({row.get("priority_number") for row in rows}),
        actions=len(rows),
        partners_matched=sorted((existing[n.lower()].name for n in names if n.lower() in existing), key=str.lower),
        partners_created=sorted((n for n in names if n.lower() not in existing), key=str.lower),
        unread_deadlines=unread, plan_ends=period_end(workplan_import.last_year),
        errors=workplan_import.errors)


@transaction.atomic
def workplan_import_read(*, uploaded_file, owner_body: Body, title: str, first_year: int, last_year: int,
                         default_owner: User, by: User) -> WorkplanImport:
    """Reads and checks the spreadsheet. A file that cannot be read at all raises a
    ValidationError for the file field; rows with problems are kept with their errors."""
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers import workplans.")
    if last_year < first_year:
        raise ValidationError({"last_year": "The last year must be the same as or after the first year"})
    try:
        rows = spreadsheet_read(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return WorkplanImport.objects.create(
        uploaded_by=by, filename=(uploaded_file.name or "")[-255:], owner_body=owner_body, title=title.strip(),
        first_year=first_year, last_year=last_year, default_owner=default_owner, rows=rows,
        errors=rows_check(rows))


def _due_on(row: dict, plan_ends: dt.date) -> dt.date:
    if row.get("due_on"):
        return _parse_date(row["due_on"])
    return deadline_read(row.get("deadline", "")).due_on or plan_ends


@transaction.atomic
def workplan_import_commit(*, workplan_import: WorkplanImport, by: User) -> Workplan:
    """Builds the workplan from checked rows: all of it, or (on any error) none of it."""
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers import workplans.")
    locked = WorkplanImport.objects.select_for_update().get(pk=workplan_import.pk)
    if locked.workplan_id is not None:
        raise ValidationError("This spreadsheet has been imported already.")
    rows = locked.rows
    errors = rows_check(rows)  # checked again: accounts may have closed since the preview
    if errors:
        locked.errors = errors
        locked.save(update_fields=["errors"])
        raise ValidationError("The spreadsheet has problems: fix them and upload it again.")
    plan_ends = period_end(locked.last_year)
    workplan = Workplan.objects.create(
        owner_body=locked.owner_body, title=locked.title, first_year=locked.first_year, last_year=locked.last_year,
        source_note=f"Imported from {locked.filename}", created_by=by)
    owners = {user.email.lower(): user for user in User.objects.filter(is_active=True).annotate(low=Lower("email"))
              .filter(low__in={row["owner_email"].lower() for row in rows if row.get("owner_email")})}
    names = {name for row in rows for name in partner_names(row.get("partners", ""))}
    partners = _existing_partners(names)
    themes: dict[int, Theme] = {}
    priorities: dict[str, Priority] = {}
    positions: dict[str, int] = {}
    for row in rows:
        theme_number = int(row["theme_number"])
        if theme_number not in themes:
            themes[theme_number] = Theme.objects.create(
                workplan=workplan, number=theme_number, title=row["theme_title"],
                core_objective=row.get("core_objective", ""))
        number = row["priority_number"]
        if number not in priorities:
            priorities[number] = Priority.objects.create(
                theme=themes[theme_number], position=int(number.split(".")[1]), title=row["priority_title"],
                year_objective=row.get("year_objective", ""))
        positions[number] = positions.get(number, 0) + 1
        action = action_create(description=row["action"], due_on=_due_on(row, plan_ends), by=by,
                               body=locked.owner_body,
                               owner_user=owners.get(row.get("owner_email", "").lower(), locked.default_owner))
        link = WorkplanAction.objects.create(priority=priorities[number], action=action, position=positions[number],
                                             deadline_text=row.get("deadline", ""))
        chosen = []
        for name in partner_names(row.get("partners", "")):
            if name.lower() not in partners:
                partners[name.lower()] = Organisation.objects.create(
                    name=name, kind=partner_kind(name), notes=f"Added as a partner by the import of {locked.title}.")
            chosen.append(partners[name.lower()])
        link.partners.set(chosen)
    search_index(workplan)
    locked.workplan = workplan
    locked.committed_at = timezone.now()
    locked.save(update_fields=["workplan", "committed_at"])
    return workplan
