"""Writes about memberships of bodies."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnership.models import AgendaItem, Body, Meeting, Membership, Minutes
from partnership.search.services import search_refresh

# What a body lends to the search entries of its meetings, their agenda items (a meeting with no
# title of its own is called by its body's name) and minutes (partnership/search/kinds.py).
SEARCHED_BODY_FIELDS = {"name", "short_name", "minutes_are_public"}


@transaction.atomic
def body_save(form) -> Body:
    """Save a body's form. When it changes what its meetings', agenda items' and minutes' search entries hold
    (its names, whether its minutes are public), those entries are rewritten in the same
    transaction, in batches (a busy body has thousands of meetings)."""
    is_new = form.instance._state.adding
    body = form.save()
    if not is_new and SEARCHED_BODY_FIELDS & set(form.changed_data):
        search_refresh(Meeting.objects.filter(body=body))
        search_refresh(AgendaItem.objects.filter(meeting__body=body))
        search_refresh(Minutes.objects.filter(meeting__body=body))
    return body


def membership_add(*, body, user, role, organisation=None, started_on: dt.date) -> Membership:
    """organisation: whom the person represents on the body; by default their own organisation."""
    if Membership.objects.filter(body=body, user=user, ended_on__isnull=True).exists():
        raise ValidationError({"user": f"{user} is already a member of {body.short_name}."})
    try:
        with transaction.atomic():
            return Membership.objects.create(body=body, user=user, role=role,
                                             organisation=organisation or user.organisation,
                                             started_on=started_on)
    except IntegrityError as error:  # a concurrent add: the database constraint decided
        raise ValidationError({"user": f"{user} is already a member of {body.short_name}."}) from error


def membership_end(*, membership: Membership, ended_on: dt.date) -> Membership:
    if membership.ended_on is not None:
        raise ValidationError("This membership has ended already.")
    if ended_on < membership.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the start date "
                                           f"({membership.started_on:%d %B %Y})."})
    membership.ended_on = ended_on
    membership.save(update_fields=["ended_on"])
    return membership
