"""Meeting notices: reminders before a meeting, and the contract between meeting changes and
the outbox.

The meeting and paper services call on_meeting_rescheduled, on_meeting_cancelled and
on_papers_published inside their own transaction; these write Notification rows (never send),
so a rolled-back change sends nothing. Each returns how many rows it wrote.

Recipients are the body's current members, including its secretariat members
(Membership.objects.current()). Reminders, changes and cancellations are mandatory kinds:
nobody can switch off notices about meetings they must attend."""

import hashlib
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import AttendanceReplyChoice, Meeting, Membership, Notification, NotificationStatus, Paper, User
from partnership.notifications.services.notice_links import meeting_link, paper_link, portal_link, preferences_link
from partnership.notifications.services.outbox import notification_enqueue, notifications_cancel_pending
from partnership.services.attendance import reply_token
from partnership.services.meeting_calendar import meeting_ics

KIND_REMINDER = "meeting.reminder"
KIND_RESCHEDULED = "meeting.rescheduled"
KIND_CANCELLED = "meeting.cancelled"
KIND_POSTPONED = "meeting.postponed"
KIND_PAPERS = "paper.published"

# The hourly planner writes a reminder up to this long before it is due; the dispatcher (every
# minute) then sends it on time. A reminder missed by less than GRACE (planner or worker
# down) is still sent; an older one is not (a meeting set up 3 days ahead gets no "7 days" one).
LOOKAHEAD = timedelta(hours=2)
GRACE = timedelta(hours=12)


def subject_key_for(meeting) -> str:
    return f"partnership.meeting:{meeting.pk}"


def _start_stamp(meeting) -> str:
    return meeting.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def meeting_recipients(meeting, *, on: date | None = None) -> list[User]:
    member_ids = Membership.objects.current(on).filter(body_id=meeting.body_id).values("user_id")
    return list(User.objects.filter(pk__in=member_ids, is_active=True).order_by("pk"))


def _render_notice(*, meeting, recipient: User, headline: str, note: str = "", cancel: bool = False,
                   postponed: bool = False, papers=None, reply_links: bool = False) -> dict:
    if papers is None:
        papers = list(Paper.objects.visible_to(recipient).filter(meeting=meeting).order_by("title"))
    context = {
        "recipient": recipient, "meeting": meeting, "headline": headline, "note": note,
        "cancelled": cancel, "postponed": postponed, "starts": timezone.localtime(meeting.starts_at),
        "ends": timezone.localtime(meeting.ends_at),
        "agenda": [] if cancel else list(meeting.agenda_items.all()),
        "papers": [] if cancel else [(paper, paper_link(paper.pk)) for paper in papers],
        "meeting_url": meeting_link(meeting.pk), "preferences_url": preferences_link(),
        # Signed links to say in advance: they work without signing in (services/attendance.py).
        "reply_links": _reply_links(meeting, recipient) if reply_links and not (cancel or postponed) else None,
    }
    return {
        "subject": f"{headline}: {meeting.display_title}, {context['starts']:%-d %B %Y}",
        "body_text": render_to_string("partnership/meetings/email/notice.txt", context),
        "body_html": render_to_string("partnership/meetings/email/notice.html", context),
        "attachment": meeting_ics(meeting=meeting, recipient_email=recipient.email, cancel=cancel),
    }


def _reply_links(meeting, recipient) -> dict:
    return {reply: portal_link(reverse("partnership:attendance_reply_link",
                                       args=[reply_token(meeting=meeting, person=recipient, reply=reply)]))
            for reply in AttendanceReplyChoice.values}


def meeting_reminders_write(*, meeting, days_before: int, now: datetime) -> int:
    """One reminder per current member, due `days_before` days before the start. The slot holds
    the start time, so a reminder for a time that has changed is a different key."""
    send_at = meeting.starts_at - timedelta(days=days_before)
    headline = "Reminder: meeting tomorrow" if days_before == 1 else f"Reminder: meeting in {days_before} days"
    key, slot = subject_key_for(meeting), f"{days_before}d-{_start_stamp(meeting)}"
    written = 0
    for recipient in meeting_recipients(meeting, on=timezone.localdate(now)):
        notice = _render_notice(meeting=meeting, recipient=recipient, headline=headline, reply_links=True)
        if notification_enqueue(kind=KIND_REMINDER, subject_key=key, slot=slot, recipient=recipient,
                                send_after=send_at, **notice) is not None:
            written += 1
        else:
            written += _reminder_revive(key=key, slot=slot, email=recipient.email, send_at=send_at, notice=notice)
    return written


def _reminder_revive(*, key: str, slot: str, email: str, send_at: datetime, notice: dict) -> int:
    """A reminder for this very start time that was cancelled (the meeting was postponed, or
    moved away and back) is due again now the meeting is on at that time: the row is put back
    in the queue with fresh content. Never sent, so its Message-ID was never used."""
    name, content, mimetype = notice["attachment"]
    return Notification.objects.filter(
        kind=KIND_REMINDER, subject_key=key, slot=slot, recipient_email=email,
        status=NotificationStatus.CANCELLED,
    ).update(status=NotificationStatus.PENDING, send_after=send_at, subject=notice["subject"][:250],
             body_text=notice["body_text"], body_html=notice["body_html"], attachment_name=name,
             attachment_content=content, attachment_mimetype=mimetype, attempts=0, last_error="",
             claim_token="", claimed_until=None)


def on_meeting_rescheduled(*, meeting, previous_starts_at: datetime) -> int:
    """A new time or place: reminders for the old time are cancelled (the planner writes new
    ones for the new time) and every member gets the updated .ics (same UID, the SEQUENCE the
    meeting service raised)."""
    key = subject_key_for(meeting)
    stale = [pk for pk, slot in _pending(key, KIND_REMINDER) if not slot.endswith(_start_stamp(meeting))]
    Notification.objects.filter(pk__in=stale, status=NotificationStatus.PENDING).update(
        status=NotificationStatus.CANCELLED, last_error="The meeting was moved before this reminder was sent.")
    # An earlier change or postponement notice not sent yet carries an older .ics: this one
    # replaces it.
    notifications_cancel_pending(subject_key=key, kinds=[KIND_RESCHEDULED, KIND_POSTPONED],
                                 reason="A later change to the meeting replaced this notice.")
    when = timezone.localtime(previous_starts_at)
    note = f"This meeting was due to start at {when:%H:%M} on {when:%-d %B %Y}. The new details are below."
    written = 0
    for recipient in meeting_recipients(meeting):
        notice = _render_notice(meeting=meeting, recipient=recipient, headline="Meeting changed", note=note)
        written += notification_enqueue(
            kind=KIND_RESCHEDULED, subject_key=key,
            slot=f"changed-{meeting.sequence}-{_start_stamp(meeting)}", recipient=recipient,
            **notice) is not None
    return written


def on_meeting_cancelled(*, meeting) -> int:
    """Pending reminders and change notices are cancelled; every member gets METHOD:CANCEL."""
    key = subject_key_for(meeting)
    notifications_cancel_pending(subject_key=key, kinds=[KIND_REMINDER, KIND_RESCHEDULED, KIND_POSTPONED],
                                 reason="The meeting was cancelled before this notice was sent.")
    written = 0
    for recipient in meeting_recipients(meeting):
        notice = _render_notice(meeting=meeting, recipient=recipient, headline="Meeting cancelled",
                                cancel=True, papers=[])
        written += notification_enqueue(
            kind=KIND_CANCELLED, subject_key=key, slot=f"cancelled-{meeting.sequence}",
            recipient=recipient, **notice) is not None
    return written


def on_meeting_postponed(*, meeting) -> int:
    """Postponed: no new time yet, so pending reminders and change notices are cancelled and
    every member gets METHOD:CANCEL (same UID, the raised SEQUENCE) to take the old slot out of
    their calendar. Rescheduling later raises the SEQUENCE again and sends a REQUEST, which
    puts it back at the new time; the planner then writes reminders for that time."""
    key = subject_key_for(meeting)
    notifications_cancel_pending(subject_key=key, kinds=[KIND_REMINDER, KIND_RESCHEDULED],
                                 reason="The meeting was postponed before this notice was sent.")
    when = timezone.localtime(meeting.starts_at)
    note = (f"This meeting was due to start at {when:%H:%M} on {when:%-d %B %Y}. "
            "It has been postponed; you will be sent the new date when it is set.")
    written = 0
    for recipient in meeting_recipients(meeting):
        notice = _render_notice(meeting=meeting, recipient=recipient, headline="Meeting postponed", note=note,
                                cancel=True, postponed=True, papers=[])
        written += notification_enqueue(
            kind=KIND_POSTPONED, subject_key=key, slot=f"postponed-{meeting.sequence}",
            recipient=recipient, **notice) is not None
    return written


def on_papers_published(*, papers) -> int:
    """One notice per member per meeting (or body) listing the newly published papers that
    member may see; nothing for a member who may see none of them. Optional kind."""
    groups: dict[tuple, list] = defaultdict(list)
    for paper in papers:
        if paper.published_at is not None:
            groups[(paper.body_id, paper.meeting_id)].append(paper)
    written = 0
    for (body_id, meeting_id), group in groups.items():
        ids = sorted(paper.pk for paper in group)
        slot = "papers-" + hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]
        meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first() if meeting_id else None
        subject_key = subject_key_for(meeting) if meeting else f"partnership.body:{body_id}"
        member_ids = Membership.objects.current().filter(body_id=body_id).values("user_id")
        for recipient in User.objects.filter(pk__in=member_ids, is_active=True).order_by("pk"):
            visible = list(Paper.objects.visible_to(recipient).filter(pk__in=ids).order_by("title"))
            if not visible:
                continue
            context = {"recipient": recipient, "meeting": meeting, "body": group[0].body,
                       "papers": [(paper, paper_link(paper.pk)) for paper in visible],
                       "meeting_url": meeting_link(meeting.pk) if meeting else "",
                       "preferences_url": preferences_link()}
            title = meeting.display_title if meeting else group[0].body.name
            written += notification_enqueue(
                kind=KIND_PAPERS, subject_key=subject_key, slot=slot, recipient=recipient,
                subject=f"New papers: {title}",
                body_text=render_to_string("partnership/papers/email/published.txt", context),
                body_html=render_to_string("partnership/papers/email/published.html", context),
            ) is not None
    return written


def _pending(subject_key: str, kind: str):
    return Notification.objects.filter(subject_key=subject_key, kind=kind,
                                       status=NotificationStatus.PENDING).values_list("pk", "slot")
