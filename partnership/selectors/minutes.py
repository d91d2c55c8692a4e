"""Reads of minutes, always scoped by who is asking."""

from dataclasses import dataclass, field

from django.db.models import Q

from partnership.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    MeetingDecision,
    Minutes,
    MinutesStatus,
)


def minutes_visible_to(user):
    """Approved minutes of bodies whose minutes are public, for everyone; a body's minutes in
    any state for its members; all minutes for GLA officers."""
    public = Q(status=MinutesStatus.APPROVED, meeting__body__minutes_are_public=True)
    queryset = Minutes.objects.select_related("meeting__body", "approved_by")
    if not user.is_authenticated:
        return queryset.filter(public)
    if user.is_gla_officer:
        return queryset
    return queryset.filter(public | Q(meeting__body_id__in=user.current_body_ids))


def minutes_readable_by(user, minutes) -> bool:
    return minutes is not None and minutes_visible_to(user).filter(pk=minutes.pk).exists()


def minutes_of(meeting, user):
    """The meeting's minutes as far as this user may see them, or None when none are written."""
    return minutes_visible_to(user).filter(meeting=meeting).first()


@dataclass
class RecordItem:
    item: AgendaItem
    declarations: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list = field(default_factory=list)


@dataclass
class MinutesRecord:
    """The meeting's record as the minutes print it, in agenda order."""

    names_public: bool
    present: list
    apologies: list
    absent: list
    items: list[RecordItem]
    other_decisions: list
    other_actions: list


def minutes_record(meeting, user, *, public: bool = False) -> MinutesRecord:
    """Who attended and who sent apologies (the attendance recorded), and under each agenda item
    its declarations of interest, decisions and actions; decisions and actions on no item last.
    Names of people are given to the body's members and GLA officers, and to everyone when the
    body's membership is public (`public=True`: the reader is the public, as in the PDF).
    Actions are listed to those who may see them (members, officers, owners), never in the
    public copy. Five queries, whatever the size of the meeting."""
    members_side = (not public and user.is_authenticated
                    and (user.is_gla_officer or meeting.body_id in user.current_body_ids))
    attendance = list(Attendance.objects.filter(meeting=meeting).select_related("person")
                      .order_by("person__full_name", "person__email"))
    items = {item.pk: RecordItem(item) for item in AgendaItem.objects.filter(meeting=meeting).order_by("position")}
    for declaration in (Declaration.objects.filter(agenda_item__meeting=meeting).select_related("person")
                        .order_by("agenda_item__position", "pk")):
        items[declaration.agenda_item_id].declarations.append(declaration)
    other_decisions, other_actions = [], []
    for decision in MeetingDecision.objects.filter(meeting=meeting).order_by("pk"):
        (items[decision.agenda_item_id].decisions if decision.agenda_item_id in items
         else other_decisions).append(decision)
    # Actions are not public (Action.objects.visible_to): the record lists those the reader may see,
    # and the public copy none.
    actions = (Action.objects.none() if public else Action.objects.visible_to(user)).filter(meeting=meeting)
    for action in actions.select_related("owner_user", "owner_organisation").order_by("due_on", "pk"):
        (items[action.agenda_item_id].actions if action.agenda_item_id in items else other_actions).append(action)
    by_status = {status: [record.person for record in attendance if record.status == status]
                 for status in AttendanceStatus.values}
    return MinutesRecord(
        names_public=members_side or meeting.body.membership_is_public,
        present=by_status[AttendanceStatus.PRESENT], apologies=by_status[AttendanceStatus.APOLOGIES],
        absent=by_status[AttendanceStatus.ABSENT], items=list(items.values()),
        other_decisions=other_decisions, other_actions=other_actions)


def public_minutes(meeting_pk):
    """Approved minutes of a body whose minutes are public (the PDF is for the public)."""
    return (Minutes.objects.select_related("meeting__body")
            .filter(meeting_id=meeting_pk, status=MinutesStatus.APPROVED, meeting__body__minutes_are_public=True))
