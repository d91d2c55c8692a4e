"""Reads of actions for lists, exports and pages, always scoped (Action.objects.visible_to)."""

from partnership.common.counts import panel_figures
from partnership.models import Action, ActionStatus, ActionUpdate, AgendaItem, Body, Meeting, Organisation, User
from partnership.models.actions import owned_by_q


def actions_for_user(user):
    """Every action the user may see, open ones first, then by due date: the order of the index
    action_rank_due_idx (open_rank is computed from status by the database)."""
    return (Action.objects.visible_to(user)
            .select_related("body", "meeting__body", "agenda_item", "owner_user", "owner_organisation",
                            "owner_contact_user")
            .order_by("open_rank", "due_on", "pk"))


# What a list of actions shows (templates/partnership/actions/table.html) and the CSV export
# writes, and nothing else. Issue 12: the page of 100 actions joined eight tables for every
# column, and Postgres spent ~40 ms planning that join (1 ms to run it) and Python built 752
# objects; these four joins plan in about a millisecond.
LISTED_FIELDS = ("description", "body_id", "meeting_id", "owner_user_id", "owner_organisation_id", "owner_contact",
                 "due_on", "status", "completed_on",
                 "body__name", "body__short_name", "meeting__starts_at",
                 "owner_user__full_name", "owner_user__email", "owner_organisation__name")


def actions_for_listing(user):
    """The actions the user may see, in the list's order, with only what a list shows."""
    return (Action.objects.visible_to(user)
            .select_related("body", "meeting", "owner_user", "owner_organisation")
            .only(*LISTED_FIELDS)
            .order_by("open_rank", "due_on", "pk"))


def my_actions(user):
    """The actions the user owns (or is the organisation's contact for): open ones first, by due date."""
    return actions_for_listing(user).filter(owned_by_q(user))


def action_counts(user) -> dict[str, int]:
    """Open and overdue actions the user owns, and (for GLA officers) across the portal: each
    capped ("more than 99") and read from an index, all in one query (docs/decisions/0011)."""
    mine = Action.objects.visible_to(user).owned_by(user)
    figures = {"mine_open": mine.still_open(), "mine_overdue": mine.overdue()}
    if user.is_gla_officer:
        scoped = Action.objects.visible_to(user)
        figures.update(all_open=scoped.still_open(), all_overdue=scoped.overdue())
    return panel_figures(figures)


# The history page: who changed what, when.
HISTORY_FIELDS = {
    "description": "Description", "body": "Body", "meeting": "Meeting", "agenda_item": "Agenda item",
    "owner_user": "Owner (person)", "owner_organisation": "Owner (organisation)",
    "owner_contact": "Named contact", "owner_contact_user": "Contact's account",
    "due_on": "Due date", "status": "Status", "completed_on": "Completed on",
}


def action_history(action: Action) -> list[dict]:
    """Every saved version of the action, newest first, each with what changed from the one before."""
    records = list(action.history.select_related("history_user").order_by("history_date", "history_id"))
    names = _related_names(records)
    entries, previous = [], None
    for record in records:
        if previous is None:
            changes = [(label, "", _display(record, field, names)) for field, label in HISTORY_FIELDS.items()
                       if getattr(record, _attname(field)) not in (None, "")]
        else:
            delta = record.diff_against(previous, included_fields=list(HISTORY_FIELDS))
            changed = {change.field for change in delta.changes}
            changes = [(label, _display(previous, field, names), _display(record, field, names))
                       for field, label in HISTORY_FIELDS.items() if field in changed]
        entries.append({"when": record.history_date, "who": record.history_user,
                        "kind": {"+": "Recorded", "~": "Changed", "-": "Deleted"}[record.history_type],
                        "changes": changes})
        previous = record
    return list(reversed(entries))


RELATED = {"body": Body, "meeting": Meeting, "agenda_item": AgendaItem, "owner_user": User,
           "owner_organisation": Organisation, "owner_contact_user": User}


def _attname(field):
    return f"{field}_id" if field in RELATED else field


def _related_names(records) -> dict:
    ids = {field: {getattr(r, f"{field}_id") for r in records} - {None} for field in RELATED}
    names = {field: {} for field in RELATED}
    for field, model in RELATED.items():
        queryset = model.objects.filter(pk__in=ids[field])
        if model is Meeting:
            queryset = queryset.select_related("body")
        names[field] = {obj.pk: str(obj) for obj in queryset}
    return names


def _display(record, field, names) -> str:
    value = getattr(record, _attname(field))
    if value in (None, ""):
        return ""
    if field in RELATED:
        return names[field].get(value, f"(removed, #{value})")
    if field == "status":
        return ActionStatus(value).label if value in ActionStatus.values else value
    if field in ("due_on", "completed_on"):
        return f"{value:%-d %B %Y}"
    return str(value)


def action_updates(action):
    """The action's dated updates, newest first, each with who wrote it."""
    return ActionUpdate.objects.filter(action=action).select_related("written_by")


def new_action_initial(*, agenda_item_id: int | None = None, meeting_id: int | None = None,
                       body_id: int | None = None) -> dict:
    """What a new action is prefilled with when it is recorded from an agenda item, a meeting
    or a body: the item's meeting and body, or the meeting's body. Agenda items, meetings and
    bodies are public; an id that matches nothing prefills nothing."""
    if agenda_item_id is not None:
        item = AgendaItem.objects.select_related("meeting").filter(pk=agenda_item_id).first()
        return {"agenda_item": item.pk, "meeting": item.meeting_id, "body": item.meeting.body_id} if item else {}
    if meeting_id is not None:
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        return {"meeting": meeting.pk, "body": meeting.body_id} if meeting else {}
    if body_id is not None:
        return {"body": body_id}
    return {}
