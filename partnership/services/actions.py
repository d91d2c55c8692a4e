"""Writes about actions: record, change, dated updates, marking done. Every save names who
made it (django-simple-history keeps the trail the history page shows)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.models import Action, ActionStatus, ActionUpdate, User
from partnership.search.services import search_index

from .places import place_resolve

EARLIEST_DUE = dt.date(2000, 1, 1)
LATEST_DUE_YEARS = 10

# Fields an officer may change with action_change; anything else is ignored.
CHANGEABLE = ("description", "body", "meeting", "agenda_item", "owner_user", "owner_organisation",
              "owner_contact", "owner_contact_user", "due_on", "status")


def due_date_check(due_on: dt.date, *, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    latest = today + dt.timedelta(days=365 * LATEST_DUE_YEARS)
    if due_on < EARLIEST_DUE or due_on > latest:
        raise ValidationError({"due_on": f"The due date must be between {EARLIEST_DUE:%-d %B %Y} and "
                                         f"{latest:%-d %B %Y}"})


def owner_check(*, owner_user, owner_organisation, owner_contact: str, owner_contact_user=None) -> None:
    if owner_user is None and owner_organisation is None:
        raise ValidationError({"owner_user": "Choose the person or the organisation who owns the action"})
    if owner_user is not None and owner_organisation is not None:
        raise ValidationError({"owner_organisation": "Choose a person or an organisation, not both"})
    if owner_contact_user is not None:
        if owner_organisation is None:
            raise ValidationError({"owner_contact_user": "Choose a contact account only when an organisation "
                                                         "owns the action"})
        if owner_contact_user.organisation_id != owner_organisation.pk:
            raise ValidationError({"owner_contact_user": f"{owner_contact_user} does not work for "
                                                         f"{owner_organisation}: choose someone who does"})
        if not owner_contact_user.is_active:
            raise ValidationError({"owner_contact_user": f"{owner_contact_user}'s account is closed: "
                                                         "choose someone else"})
    elif owner_organisation is not None and not owner_contact.strip():
        raise ValidationError({"owner_contact": "Enter the name of the contact at the organisation"})


def _contact_name(owner_contact: str, owner_contact_user) -> str:
    """The typed name, or the contact account's name when none was typed."""
    return owner_contact.strip() or (owner_contact_user.full_name if owner_contact_user else "")


def _apply_status(action: Action, status: str, *, on: dt.date | None = None) -> None:
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose a status"})
    action.status = status
    if status == ActionStatus.DONE:
        action.completed_on = action.completed_on or on or timezone.localdate()
    else:
        action.completed_on = None


def _save(action: Action, by: User) -> None:
    action._history_user = by  # simple-history records who made the change
    action.full_clean(exclude=["body", "meeting", "agenda_item", "owner_user", "owner_organisation",
                               "owner_contact_user"])
    action.save()
    search_index(action)


@transaction.atomic
def action_create(*, description: str, due_on: dt.date, by: User, body=None, meeting=None, agenda_item=None,
                  owner_user=None, owner_organisation=None, owner_contact: str = "", owner_contact_user=None,
                  status: str = ActionStatus.OPEN) -> Action:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers record actions.")
    body, meeting, agenda_item = place_resolve(body=body, meeting=meeting, agenda_item=agenda_item,
                                               what="action")
    owner_check(owner_user=owner_user, owner_organisation=owner_organisation, owner_contact=owner_contact,
                owner_contact_user=owner_contact_user)
    due_date_check(due_on)
    action = Action(description=description.strip(), body=body, meeting=meeting, agenda_item=agenda_item,
                    owner_user=owner_user, owner_organisation=owner_organisation,
                    owner_contact=_contact_name(owner_contact, owner_contact_user) if owner_organisation else "",
                    owner_contact_user=owner_contact_user, due_on=due_on)
    _apply_status(action, status)
    _save(action, by)
    return action


@transaction.atomic
def action_change(*, action: Action, by: User, **changes) -> Action:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers edit actions.")
    for name in CHANGEABLE:
        if name in changes and name != "status":
            setattr(action, name, changes[name])
    action.body, action.meeting, action.agenda_item = place_resolve(
        body=action.body, meeting=action.meeting, agenda_item=action.agenda_item, what="action")
    owner_check(owner_user=action.owner_user, owner_organisation=action.owner_organisation,
                owner_contact=action.owner_contact, owner_contact_user=action.owner_contact_user)
    action.owner_contact = _contact_name(action.owner_contact, action.owner_contact_user)
    if action.owner_organisation is None:
        action.owner_contact = ""
    if "due_on" in changes:
        due_date_check(action.due_on)
    _apply_status(action, changes.get("status", action.status))
    _save(action, by)
    return action


def _may_update(action: Action, by: User) -> bool:
    """GLA officers, the owner, or the owning organisation's contact user (Action.is_owned_by).
    Other people of that organisation may not: the named contact is who answers for it."""
    return by.is_gla_officer or action.is_owned_by(by)


@transaction.atomic
def action_add_update(*, action: Action, by: User, note: str, status: str | None = None) -> ActionUpdate:
    """A dated note by the owner or a GLA officer; it may move the action on (open, in progress)."""
    if not _may_update(action, by):
        raise PermissionDenied("Only the owner or a GLA officer may update this action.")
    if not note.strip():
        raise ValidationError({"note": "Enter the update"})
    update = ActionUpdate.objects.create(action=action, written_by=by, note=note.strip())
    search_index(update)
    if status and status != action.status:
        _apply_status(action, status)
        _save(action, by)
    return update


@transaction.atomic
def action_mark_done(*, action: Action, by: User, on: dt.date | None = None) -> Action:
    if not _may_update(action, by):
        raise PermissionDenied("Only the owner or a GLA officer may mark this action done.")
    if action.status != ActionStatus.DONE:
        _apply_status(action, ActionStatus.DONE, on=on)
        _save(action, by)
    return action
