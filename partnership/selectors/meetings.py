"""Reads of meetings, scoped by who is asking where it matters.

The public side sees every body and meeting (time, place, status) but never an online link;
the members' side of a body (online links, members' minutes, matters arising) is for that
body's current members and GLA officers (see selectors/bodies.py)."""

import datetime as dt

from django.db.models import Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from partnership.common.bounded import Bounded, bounded
from partnership.models import Action, AgendaItem, Attendance, AttendanceReply, Meeting, Membership, Minutes, Paper
from partnership.rules import MeetingFacts, meeting_stage
from partnership.rules import meeting_next_step as next_step_for


def meetings_for_listing():
    """Every meeting (meetings are public), with its body and minutes fetched in the same query."""
    return Meeting.objects.select_related("body").select_related("minutes")


def meeting_for_page(user):
    """Meetings as their page reads them, in one query: with body and minutes, the facts its next
    step depends on (partnership.rules) as EXISTS probes, and for a signed-in viewer whether they
    are a member of the body on the meeting's day (London time) and their own reply, if any."""
    meetings = meetings_for_listing().annotate(
        has_agenda_items=Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"))),
        has_papers=Exists(Paper.objects.filter(meeting=OuterRef("pk"))),
        attendance_recorded=Exists(Attendance.objects.filter(meeting=OuterRef("pk"))))
    if not user.is_authenticated:
        return meetings.annotate(viewer_is_member=Value(False), viewer_reply=Value(""))
    # Membership.objects.at(meeting)'s rule, for every meeting of the query at once.
    meetings = meetings.annotate(local_day_sql=TruncDate("starts_at", tzinfo=timezone.get_current_timezone()))
    return meetings.annotate(
        viewer_is_member=Exists(Membership.objects.current(on=OuterRef("local_day_sql")).filter(body=OuterRef("body"),
                                                                                     user=user)),
        viewer_reply=Coalesce(Subquery(AttendanceReply.objects.filter(meeting=OuterRef("pk"), person=user)
                                       .values("reply")[:1]), Value("")))


def own_reply(meeting):
    """The viewer's reply read by meeting_for_page(), as a reply to show (not saved), or None."""
    if not meeting.viewer_reply:
        return None
    return AttendanceReply(meeting=meeting, reply=meeting.viewer_reply)


def meeting_or_none(pk):
    """The meeting (meetings are public), or None when there is none of that id."""
    return meetings_for_listing().filter(pk=pk).first()


def meetings_of_body(body):
    """The body's meetings, earliest first."""
    return meetings_for_listing().filter(body=body).order_by("starts_at")


def meetings_of_body_newest_first(body):
    """The body's meetings, newest first (its meetings page), read backwards along the
    (body, starts_at) index."""
    return meetings_for_listing().filter(body=body).order_by("-starts_at", "-pk")


def meetings_started_since(since):
    return meetings_for_listing().filter(starts_at__gte=since)


def upcoming_meetings(queryset=None, *, now=None):
    queryset = queryset if queryset is not None else meetings_for_listing()
    return queryset.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")


def past_meetings(queryset=None, *, now=None):
    queryset = queryset if queryset is not None else meetings_for_listing()
    return queryset.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


# A calendar feed holds the meetings of the last year and those to come, at most FEED_SHOWN of
# each, nearest first: calendar apps fetch a feed every hour or so, and a GLA officer's feed of
# every body's meetings ever (20,043 at scale) took 6.3 s and 7 MB each time (issue 12).
FEED_PAST = dt.timedelta(days=365)
FEED_SHOWN = 500


def meetings_for_feed(meetings, *, now=None) -> list:
    """The feed's meetings of a queryset (one body's, a person's): the coming ones, and those of
    the last FEED_PAST, up to FEED_SHOWN of each, in date order. Two index reads by date."""
    now = now or timezone.now()
    coming = list(upcoming_meetings(meetings, now=now)[:FEED_SHOWN])
    past = list(past_meetings(meetings, now=now).filter(starts_at__gte=now - FEED_PAST)[:FEED_SHOWN])
    return [*reversed(past), *coming]


def meetings_in_personal_feed(user):
    """GLA officers: every meeting; anyone else: meetings of the bodies they belong to now.
    Earliest first, as a calendar feed lists them."""
    queryset = meetings_for_listing().order_by("starts_at")
    if user.is_gla_officer:
        return queryset
    return queryset.filter(body_id__in=user.current_body_ids)


# What the action tables of a meeting's and a body's pages show (templates/partnership/meetings/
# _actions.html): the description, owner, due date and status. Read whole, the actions with their
# owners were over a hundred columns for ten rows.
ACTION_TABLE_FIELDS = ("description", "due_on", "status", "owner_user_id", "owner_organisation_id", "owner_contact",
                       "owner_user__full_name", "owner_user__email", "owner_organisation__name")


def matters_arising(body, user, *, apart_from_meeting=None):
    """The body's open actions, as far as this user may see actions; on a meeting's page, without
    the actions recorded at that meeting (they are listed apart)."""
    actions = (Action.objects.visible_to(user).still_open().filter(body=body)
               .select_related("owner_user", "owner_organisation").only(*ACTION_TABLE_FIELDS).order_by("due_on", "pk"))
    if apart_from_meeting is not None:
        actions = actions.exclude(meeting=apart_from_meeting)
    return actions


# How many rows of each list a meeting's (or a body's) page shows; the rest are a link away.
MATTERS_ARISING_SHOWN = 10
MEETING_ACTIONS_SHOWN = 20


def matters_arising_shown(body, user, *, apart_from_meeting=None, more_url: str = "") -> Bounded:
    """The oldest and most overdue few of the body's open actions (earliest due first), with how
    many are open in all and the link to the full filtered action list: a busy body has
    thousands (issue 12: 12,032 rows made a 6 MB page)."""
    return bounded(matters_arising(body, user, apart_from_meeting=apart_from_meeting), MATTERS_ARISING_SHOWN,
                   more_url=more_url)


def actions_from_meeting(meeting, user):
    """Every action recorded at this meeting (open or not), as far as this user may see actions."""
    return (Action.objects.visible_to(user).filter(meeting=meeting)
            .select_related("owner_user", "owner_organisation", "agenda_item")
            .only(*ACTION_TABLE_FIELDS, "agenda_item_id", "agenda_item__position", "agenda_item__title")
            .order_by("due_on", "pk"))


def meeting_actions_shown(meeting, user, *, more_url: str = "") -> Bounded:
    """The first MEETING_ACTIONS_SHOWN of the meeting's actions (earliest due), with their count
    and the link to the rest: the meeting's page and its minutes list them alike."""
    return bounded(actions_from_meeting(meeting, user), MEETING_ACTIONS_SHOWN, more_url=more_url)


# The history page (GLA officers): who changed the meeting or its minutes, and what.
HISTORY_SHOWN = 200
HISTORY_LABELS = {"starts_at": "Start", "ends_at": "End", "location": "Place", "online_link": "Online link",
                  "status": "Status", "sequence": "Calendar sequence", "title": "Title", "text": "Text",
                  "approved_at": "Approved at", "approved_by": "Approved by"}


def meeting_changes(meeting) -> dict[str, list]:
    """The latest saved versions of the meeting and of its minutes, newest first, each as
    (record, [what changed])."""
    meeting_records = meeting.history.select_related("history_user").order_by("-history_date", "-history_id")
    minutes_records = Minutes.history.filter(meeting_id=meeting.pk).select_related("history_user").order_by(
        "-history_date", "-history_id")
    return {"meeting_changes": _changes(meeting_records[:HISTORY_SHOWN]),
            "minutes_changes": _changes(minutes_records[:HISTORY_SHOWN])}


def _shown(value):
    """A changed value as people read it: times in London time, not the stored UTC."""
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%-d %B %Y, %H:%M}"
    return "(none)" if value in ("", None) else value


def _changes(records):
    """(record, [what changed]) for each history record, newest first; records come newest first."""
    records = list(records)
    labels = HISTORY_LABELS
    rows = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        if record.history_type == "+":
            what = ["created"]
        elif record.history_type == "-":
            what = ["deleted"]
        elif older is None:
            what = ["changed"]
        else:
            delta = record.diff_against(older)
            what = [f"{labels.get(change.field, change.field)}: {_shown(change.old)} → {_shown(change.new)}"
                    if change.field not in ("text",) else f"{labels.get(change.field, change.field)} edited"
                    for change in delta.changes] or ["saved with no change"]
        rows.append((record, what))
    return rows


def meeting_facts(meeting, *, now=None) -> MeetingFacts:
    """What the meeting page needs to know to say which stage the meeting is at and what to do
    next (partnership.rules.meeting_next_step decides), from the annotations of a meeting read
    by meeting_for_page() (EXISTS probes: the rules ask only whether there are agenda items and
    papers, never how many)."""
    minutes = getattr(meeting, "minutes", None)
    return MeetingFacts(
        status=meeting.status,
        started=(now or timezone.now()) >= meeting.starts_at,
        has_agenda_items=meeting.has_agenda_items,
        has_papers=meeting.has_papers,
        attendance_recorded=meeting.attendance_recorded,
        minutes_status=minutes.status if minutes is not None else None,
    )


def meeting_next_step(meeting, *, now=None):
    """(stage, next step or None) of the meeting, by partnership.rules."""
    facts = meeting_facts(meeting, now=now)
    return meeting_stage(facts), next_step_for(facts)
