"""The contract between meeting changes and the reminder outbox.

The meeting and paper services call these functions inside their own transaction when a
meeting is rescheduled or cancelled or papers are published; they write Notification rows
(never send). Each returns how many rows it wrote. The reminders work fills them in; until
then they write nothing, and nothing else depends on their effect."""

from datetime import datetime


def on_meeting_rescheduled(*, meeting, previous_starts_at: datetime) -> int:
    return 0


def on_meeting_cancelled(*, meeting) -> int:
    return 0


def on_papers_published(*, papers) -> int:
    return 0
