"""The whole path with a REAL Celery worker process (filesystem broker and SQLite by default;
Redis and Postgres in CI's second leg). The clock is moved by passing `now` to the tasks, not
by patching the worker. Emails arrive as files (filemail) and are counted by Message-ID."""

import datetime as dt
import os
import signal
import time
from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from partnership.models import MembershipRole, Notification, NotificationStatus
from partnership.notifications.services import outbox
from partnership.notifications.services.outbox import notification_enqueue
from partnership.notifications.tasks import dispatch_due_notifications, plan_reminders
from partnership.reminders import plan_meeting_reminders
from partnership.services import meetings as meeting_services
from partnership.services.meeting_notices import on_meeting_rescheduled, on_papers_published
from tests.factories.meetings import AgendaItemFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory, MeetingFactory, MembershipFactory, UserFactory
from tests.support.broker import broker_down
from tests.support.mailfiles import ics_of, read_mail_files
from tests.support.worker import celery_worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _count(**filters):
    return Notification.objects.filter(**filters).count()


def _wait_count(expected, timeout=90, **filters):
    return wait_for(lambda: _count(**filters) == expected, timeout=timeout)


def _assert_waited(ok, worker, what):
    rows = list(Notification.objects.values_list("kind", "slot", "status", "send_after", "recipient_email"))
    assert ok, f"{what}; rows: {rows}; worker said:\n{getattr(worker, 'worker_output', '')[-3000:]}"


def _sentinel(worker):
    """Everything sent to the worker before this has been handled once this notice is sent
    (one solo worker takes tasks one at a time, in order)."""
    notice = notification_enqueue(kind="test.sentinel", subject_key="test:sentinel", slot=str(time.time()),
                                  recipient_email="sentinel@example.org", subject="Sentinel", body_text=".")
    dispatch_due_notifications.delay()
    _assert_waited(_wait_count(1, pk=notice.pk, status=NotificationStatus.SENT), worker, "sentinel not sent")


def _body_world():
    body = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    member = UserFactory(email="member@example.org")
    secretary = UserFactory(email="secretariat@example.org")
    former = UserFactory(email="former@example.org")
    MembershipFactory(user=member, body=body)
    MembershipFactory(user=secretary, body=body, role=MembershipRole.SECRETARIAT)
    MembershipFactory(user=former, body=body, started_on=dt.date(2020, 1, 1), ended_on=dt.date(2021, 1, 1))
    return body, member, secretary


def _meeting_world():
    body, member, secretary = _body_world()
    starts = (timezone.now() + dt.timedelta(days=10)).replace(minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(body=body, starts_at=starts, ends_at=starts + dt.timedelta(hours=2))
    AgendaItemFactory(meeting=meeting, position=1, title="Matters arising")
    PaperFactory(body=body, meeting=meeting, title="Quarterly briefing")
    return meeting, member, secretary


def test_schedule_a_meeting_move_the_clock_and_each_email_arrives_once(tmp_path):
    meeting, member, secretary = _meeting_world()
    old_start = meeting.starts_at
    with celery_worker(tmp_path) as worker:
        # 7 days before: the planner writes two reminders and the dispatcher sends them.
        at_7 = (old_start - dt.timedelta(days=7, minutes=-1)).isoformat()
        plan_reminders.delay(now=at_7)
        _assert_waited(_wait_count(2, kind="meeting.reminder"), worker, "7-day reminders not written")
        dispatch_due_notifications.delay(now=at_7)
        _assert_waited(_wait_count(2, status=NotificationStatus.SENT), worker, "7-day reminders not sent")

        # An hour before the 1-day reminders are due they are written, then the meeting moves.
        plan_reminders.delay(now=(old_start - dt.timedelta(days=1, hours=1)).isoformat())
        _assert_waited(_wait_count(4, kind="meeting.reminder"), worker, "1-day reminders not written")
        with transaction.atomic():
            meeting.starts_at = old_start + dt.timedelta(days=1)
            meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
            meeting.sequence += 1
            meeting.save()
            on_meeting_rescheduled(meeting=meeting, previous_starts_at=old_start)
        dispatch_due_notifications.delay()
        _assert_waited(_wait_count(2, kind="meeting.rescheduled", status=NotificationStatus.SENT), worker,
                       "change notices not sent")

        # 1 day before the NEW time: new reminders only; the old-time ones stay cancelled.
        at_1 = (meeting.starts_at - dt.timedelta(days=1, minutes=-1)).isoformat()
        plan_reminders.delay(now=at_1)
        _assert_waited(_wait_count(6, kind="meeting.reminder"), worker, "new 1-day reminders not written")
        dispatch_due_notifications.delay(now=at_1)
        _assert_waited(_wait_count(4, kind="meeting.reminder", status=NotificationStatus.SENT), worker,
                       "new 1-day reminders not sent")
        # Running everything again, later, sends nothing more.
        again = (meeting.starts_at - dt.timedelta(hours=20)).isoformat()
        plan_reminders.delay(now=again)
        dispatch_due_notifications.delay(now=again)
        _sentinel(worker)

    messages = [m for m in read_mail_files(tmp_path) if m["Subject"] != "Sentinel"]
    by_id = Counter(m["Message-ID"] for m in messages)
    assert len(messages) == 6 and set(by_id.values()) == {1}, by_id
    assert Counter(m["To"] for m in messages) == {member.email: 3, secretary.email: 3}
    assert _count(kind="meeting.reminder", status=NotificationStatus.CANCELLED) == 2
    subjects = Counter(m["Subject"].split(":")[0] for m in messages)
    assert subjects == {"Reminder": 4, "Meeting changed": 2}
    changed = next(m for m in messages if m["Subject"].startswith("Meeting changed") and m["To"] == member.email)
    event = Calendar.from_ical(ics_of(changed)).walk("VEVENT")[0]
    assert int(event["sequence"]) == 1 and event.decoded("dtstart") == meeting.starts_at
    last = [m for m in messages if m["Subject"].startswith("Reminder: meeting tomorrow")]
    assert len(last) == 2
    assert all(Calendar.from_ical(ics_of(m)).walk("VEVENT")[0].decoded("dtstart") == meeting.starts_at for m in last)
    body = next(p for p in changed.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    assert "Matters arising" in body and "Quarterly briefing" in body


@pytest.mark.parametrize("order", ["sleep_then_send", "send_then_sleep"])
def test_a_worker_killed_mid_send_loses_nothing_and_duplicates_are_bounded(tmp_path, order):
    """SIGKILL the worker while it is inside a slow send. sleep_then_send: the message had not
    left, so every key arrives exactly once. send_then_sleep: the message left but the worker
    died before marking it sent (the at-least-once window), so exactly that one message comes
    twice, with the same Message-ID; nothing else is repeated and nothing is lost."""
    notices = [notification_enqueue(kind="test.notice", subject_key=f"test:{n}", slot="once",
                                    recipient_email=f"r{n}@example.org", subject=f"Notice {n}", body_text=".")
               for n in range(3)]
    lease = 2
    slow = (f"backend://tests.support.slow_mail.EmailBackend?file_path={tmp_path}&delay=30&order={order}")
    with celery_worker(tmp_path, extra_env={"EMAIL_URL": slow, "OUTBOX_CLAIM_LEASE_SECONDS": str(lease),
                                            "OUTBOX_SEND_MARGIN_SECONDS": "0"}) as doomed:
        dispatch_due_notifications.delay()
        marker = wait_for(lambda: list(tmp_path.glob("sending-*")), timeout=90)
        _assert_waited(marker, doomed, "the slow send never started")
        if order == "send_then_sleep":
            _assert_waited(wait_for(lambda: read_mail_files(tmp_path), timeout=30), doomed, "nothing written")
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=30)
    assert _count(status=NotificationStatus.SENT) == 0
    time.sleep(lease + 1)  # the dead dispatcher's lease runs out

    with celery_worker(tmp_path) as healthy:
        dispatch_due_notifications.delay()
        _assert_waited(_wait_count(3, status=NotificationStatus.SENT), healthy, "not all sent after the crash")

    copies = Counter(m["Message-ID"] for m in read_mail_files(tmp_path))
    expected_ids = {outbox.message_id_for(n) for n in notices}
    assert set(copies) == expected_ids  # none lost
    duplicates = sum(count - 1 for count in copies.values())
    assert duplicates == (1 if order == "send_then_sleep" else 0), copies


def test_redis_down_while_meetings_are_created_rows_wait_and_are_sent_later(tmp_path):
    meeting, member, secretary = _meeting_world()
    paper = PaperFactory(body=meeting.body, meeting=meeting, title="Annex")
    at_7 = meeting.starts_at - dt.timedelta(days=7, minutes=-1)
    outbox._kick_paused_until = 0.0
    outbox._last_kick = 0.0
    with broker_down(), override_settings(OUTBOX_KICK_ON_COMMIT=True):
        with transaction.atomic():  # the creating code: its commit tries to kick a worker
            written = plan_meeting_reminders(at_7) + on_papers_published(papers=[paper])
        assert written == 4
        assert outbox._kick_paused_until > time.monotonic()  # the kick failed, quietly
    assert _count(status=NotificationStatus.PENDING) == 4
    with celery_worker(tmp_path) as worker:
        dispatch_due_notifications.delay(now=at_7.isoformat())  # what the beat does
        _assert_waited(_wait_count(4, status=NotificationStatus.SENT), worker, "waiting rows not sent")
    outbox._kick_paused_until = 0.0
    copies = Counter(m["Message-ID"] for m in read_mail_files(tmp_path))
    assert len(copies) == 4 and set(copies.values()) == {1}


def test_redis_down_while_a_meeting_is_scheduled_and_moved_each_notice_arrives_once_later(tmp_path):
    """The meeting is scheduled and moved while the broker is down: the change notices wait in
    the outbox; once the broker is back the beat sends them, and the reminders for the new time
    follow as the clock moves, each exactly once."""
    body, member, secretary = _body_world()
    first_start = (timezone.now() + dt.timedelta(days=10)).replace(minute=0, second=0, microsecond=0)
    new_start = first_start + dt.timedelta(days=1)
    outbox._kick_paused_until = 0.0
    outbox._last_kick = 0.0
    with broker_down(), override_settings(OUTBOX_KICK_ON_COMMIT=True):
        meeting = meeting_services.meeting_schedule(body=body, starts_at=first_start,
                                                    ends_at=first_start + dt.timedelta(hours=2),
                                                    location="City Hall")
        meeting = meeting_services.meeting_reschedule(meeting=meeting, starts_at=new_start,
                                                      ends_at=new_start + dt.timedelta(hours=2),
                                                      location="City Hall", online_link="")
        assert outbox._kick_paused_until > time.monotonic()  # the commit's kick failed, quietly
    assert _count(kind="meeting.rescheduled", status=NotificationStatus.PENDING) == 2
    outbox._kick_paused_until = 0.0
    with celery_worker(tmp_path) as worker:
        dispatch_due_notifications.delay()  # what the beat does once the broker is back
        _assert_waited(_wait_count(2, kind="meeting.rescheduled", status=NotificationStatus.SENT), worker,
                       "waiting change notices not sent")
        for days, so_far in ((7, 2), (1, 4)):  # the clock moves to just after each reminder is due
            now = (new_start - dt.timedelta(days=days, minutes=-1)).isoformat()
            # Waited for before the dispatch: the filesystem broker does not keep the order of
            # two tasks sent within the same millisecond.
            plan_reminders.delay(now=now)
            _assert_waited(_wait_count(so_far, kind="meeting.reminder"), worker, f"{days}-day reminders not written")
            dispatch_due_notifications.delay(now=now)
            _assert_waited(_wait_count(so_far, kind="meeting.reminder", status=NotificationStatus.SENT), worker,
                           f"{days}-day reminders not sent")
            # The beat runs again: nothing is written or sent twice.
            plan_reminders.delay(now=now)
            dispatch_due_notifications.delay(now=now)
        _sentinel(worker)

    messages = [m for m in read_mail_files(tmp_path) if m["Subject"] != "Sentinel"]
    assert set(Counter(m["Message-ID"] for m in messages).values()) == {1}
    assert Counter((m["To"], m["Subject"].split(":")[0]) for m in messages) == {
        (email, subject): count for email in (member.email, secretary.email)
        for subject, count in (("Meeting changed", 1), ("Reminder", 2))}
    changed = next(m for m in messages if m["Subject"].startswith("Meeting changed"))
    event = Calendar.from_ical(ics_of(changed)).walk("VEVENT")[0]
    assert int(event["sequence"]) == 1 and event.decoded("dtstart") == new_start
    reminders = [m for m in messages if m["Subject"].startswith("Reminder")]
    assert all(Calendar.from_ical(ics_of(m)).walk("VEVENT")[0].decoded("dtstart") == new_start for m in reminders)
