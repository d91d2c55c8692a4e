"""The partnership's reminder planners (registered in PartnershipConfig.ready(), run hourly by the
beat): meeting reminders before each meeting (the notices themselves are written by
services/meeting_notices.py), and action notices to the person who owns an action: due soon
(3 days before the due date), overdue (from the day after it), then one weekly digest of all
their overdue actions instead of one email each.

An action owned by a person goes to them; one owned by an organisation goes to its contact user
(Action.notice_recipient) while they still work there. An organisation with only a contact name
typed as text has no address we may email, so its action gets no notice (the body's secretariat
sees it in the action lists instead)."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from partnership.models import Action, Meeting, MeetingStatus
from partnership.models.bodies import MAX_REMINDER_DAYS
from partnership.notifications.services.notice_links import action_link, preferences_link
from partnership.notifications.services.outbox import notification_enqueue
from partnership.services.meeting_notices import GRACE, LOOKAHEAD, meeting_reminders_write

KIND_DUE_SOON = "action.due_soon"
KIND_OVERDUE = "action.overdue"
KIND_OVERDUE_DIGEST = "action.overdue_digest"
DUE_SOON_DAYS = 3
# A single overdue notice is still written this many days late (the planner was down, or the
# action was logged after its due date); after that only the weekly digest mentions it.
OVERDUE_SINGLE_WINDOW_DAYS = 7
DIGEST_WEEKDAY = 0  # Monday


def _open_actions_with_someone_to_tell():
    """Open actions with someone to tell: the same rule as Action.notice_recipient."""
    owner_user = Q(owner_user__isnull=False, owner_user__is_active=True)
    contact_user = Q(owner_user__isnull=True, owner_contact_user__is_active=True,
                     owner_contact_user__organisation_id=F("owner_organisation_id"))
    return (Action.objects.still_open().filter(owner_user | contact_user)
            .select_related("owner_user", "owner_contact_user", "body"))


def _write(*, kind: str, subject_key: str, slot: str, recipient, headline: str, subject: str, actions) -> int:
    context = {"recipient": recipient, "headline": headline,
               "actions": [(action, action_link(action.pk)) for action in actions],
               "preferences_url": preferences_link()}
    return notification_enqueue(
        kind=kind, subject_key=subject_key, slot=slot, recipient=recipient, subject=subject,
        body_text=render_to_string("partnership/actions/email/notice.txt", context),
        body_html=render_to_string("partnership/actions/email/notice.html", context),
    ) is not None


def plan_action_notices(now: datetime) -> int:
    """The planner (run hourly by the beat). Writes nothing before the morning hour, London
    time, so owners are not emailed in the night. The due date is in every slot, so moving the
    due date earns a fresh notice and running twice writes nothing twice."""
    local_now = timezone.localtime(now)
    if local_now.hour < settings.NOTICE_MORNING_HOUR:
        return 0
    today = local_now.date()
    written = 0
    for action in _open_actions_with_someone_to_tell().filter(due_on__gt=today,
                                                    due_on__lte=today + timedelta(days=DUE_SOON_DAYS)):
        written += _write(kind=KIND_DUE_SOON, subject_key=f"partnership.action:{action.pk}",
                          slot=f"due-soon-{action.due_on.isoformat()}", recipient=action.notice_recipient,
                          headline=f"This action is due on {action.due_on:%-d %B %Y}.",
                          subject="Action due soon", actions=[action])
    overdue = _open_actions_with_someone_to_tell().filter(due_on__lt=today)
    for action in overdue.filter(due_on__gte=today - timedelta(days=OVERDUE_SINGLE_WINDOW_DAYS)):
        written += _write(kind=KIND_OVERDUE, subject_key=f"partnership.action:{action.pk}",
                          slot=f"overdue-{action.due_on.isoformat()}", recipient=action.notice_recipient,
                          headline=f"This action was due on {action.due_on:%-d %B %Y} and is not done yet.",
                          subject="Action overdue", actions=[action])
    if today.weekday() == DIGEST_WEEKDAY:
        written += _write_weekly_digests(overdue.order_by("due_on", "pk"), today)
    return written


def _write_weekly_digests(overdue, today) -> int:
    """One email per owner listing all their overdue actions, for owners who already had the
    single overdue notice for at least one of them (due before yesterday)."""
    by_owner = defaultdict(list)
    for action in overdue:
        by_owner[action.notice_recipient].append(action)
    year, week, _ = today.isocalendar()
    written = 0
    for owner, actions in by_owner.items():
        if not any(action.due_on < today - timedelta(days=1) for action in actions):
            continue
        count = len(actions)
        written += _write(kind=KIND_OVERDUE_DIGEST, subject_key=f"partnership.user:{owner.pk}",
                          slot=f"week-{year}-{week:02d}", recipient=owner,
                          headline=f"You have {count} overdue action{'s' if count != 1 else ''}.",
                          subject=f"Your overdue actions this week ({count})", actions=actions)
    return written


def plan_meeting_reminders(now: datetime) -> int:
    """The planner (run hourly by the beat): writes the reminders due within LOOKAHEAD."""
    meetings = (Meeting.objects.filter(status=MeetingStatus.SCHEDULED, starts_at__gt=now,
                                       starts_at__lte=now + timedelta(days=MAX_REMINDER_DAYS) + LOOKAHEAD)
                .select_related("body").prefetch_related("agenda_items"))
    written = 0
    for meeting in meetings:
        for days in meeting.body.reminder_offsets:
            send_at = meeting.starts_at - timedelta(days=days)
            if now - GRACE < send_at <= now + LOOKAHEAD:
                written += meeting_reminders_write(meeting=meeting, days_before=days, now=now)
    return written
