"""A test-only email backend: the file backend, slowed down, announcing each send in a marker
file so a test can kill the worker in the middle of one. Given to a worker process as
EMAIL_URL=backend://tests.support.slow_mail.EmailBackend?file_path=...&delay=3&order=send_then_sleep

order=sleep_then_send: the worker dies before the message leaves (nothing delivered);
order=send_then_sleep: the message is delivered, then the worker dies before the commit
(the at-least-once window)."""

import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class EmailBackend(FileBackend):
    def __init__(self, *args, delay="0", order="sleep_then_send", **kwargs):
        super().__init__(*args, **kwargs)
        self.delay = float(delay)
        self.order = order

    def send_messages(self, email_messages):
        for message in email_messages:
            marker = Path(self.file_path) / f"sending-{message.extra_headers['X-LSMP-Notification'].replace('/', '-')}"
            marker.write_text("sending")
        if self.order == "send_then_sleep":
            sent = super().send_messages(email_messages)
            time.sleep(self.delay)
            return sent
        time.sleep(self.delay)
        return super().send_messages(email_messages)
