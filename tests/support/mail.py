"""An email backend that always fails, to exercise the outbox's retries."""

from django.core.mail.backends.base import BaseEmailBackend


class AlwaysFailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server refused the connection")
