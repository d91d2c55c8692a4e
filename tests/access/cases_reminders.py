from partnership.models import Notification, NotificationStatus
from tests.access.matrix import GLA_ONLY, LOGIN, SIGNED_IN, Case, expect


def _failed_notice(world):
    notice = Notification.objects.create(
        kind="meeting.reminder", subject_key="partnership.meeting:1", recipient_email="x@example.org",
        slot="7d", subject="Reminder", body_text="Hello", status=NotificationStatus.FAILED, attempts=5)
    return {"pk": notice.pk}


CASES = [
    Case("partnership:notification_preferences", SIGNED_IN),
    Case("partnership:notification_log", GLA_ONLY),
    Case("partnership:notification_retry", expect(405, 405, 405, 405, 405, 405), kwargs=_failed_notice,
         label="GET is refused"),
    Case("partnership:notification_retry", expect(LOGIN, 302, 403, 403, 403, 302), kwargs=_failed_notice,
         method="post", label="retry a failed email"),
    Case("partnership:notification_retry", expect(LOGIN, 404, 403, 403, 403, 404),
         kwargs=lambda w: {"pk": 999999}, method="post", label="no such email"),
]
