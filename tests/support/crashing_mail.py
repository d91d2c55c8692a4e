"""A test-only email backend that accepts messages into the locmem outbox, then dies (as a
SIGKILLed worker would: a BaseException nothing in the dispatcher catches) when asked to send
the message number `crash_at` (counted across instances; reset with `reset`)."""

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class Crash(BaseException):
    pass


STATE = {"sent": 0, "crash_at": None}


def reset(crash_at=None):
    STATE.update(sent=0, crash_at=crash_at)


class EmailBackend(LocmemBackend):
    def send_messages(self, messages):
        for _ in messages:
            STATE["sent"] += 1
            if STATE["crash_at"] is not None and STATE["sent"] >= STATE["crash_at"]:
                raise Crash("the dispatcher died")
        if not hasattr(mail, "outbox"):
            mail.outbox = []
        return super().send_messages(messages)
