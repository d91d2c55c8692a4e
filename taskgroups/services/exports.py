"""The workplan as spreadsheet rows: the import's columns first (so an export imports again as
the same workplan), then the action's status and completion date, which the import ignores."""

from ..selectors.workplans import workplan_actions_for_export
from .spreadsheets import PARTNER_SEPARATOR


def workplan_row(link) -> list:
    priority, action = link.priority, link.action
    theme = priority.theme
    return [
        theme.number, theme.title, theme.core_objective, priority.number, priority.title, priority.year_objective,
        action.description, link.deadline_text, f"{PARTNER_SEPARATOR} ".join(p.name for p in link.partners.all()),
        action.owner_user.email if action.owner_user_id else "", action.due_on.isoformat(),
        action.get_status_display(), action.completed_on.isoformat() if action.completed_on else "",
    ]


def workplan_rows(workplan, links=None) -> list[list]:
    return [workplan_row(link) for link in (links if links is not None else workplan_actions_for_export(workplan))]
