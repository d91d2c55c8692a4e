"""Reads the emails a worker wrote with Django's file backend (one or more per .log file)."""

from email import message_from_bytes
from email.message import Message
from pathlib import Path

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def read_mail_files(folder: Path) -> list[Message]:
    messages = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                messages.append(message_from_bytes(chunk.strip(b"\n")))
    return messages


def ics_of(message: Message) -> str | None:
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_payload(decode=True).decode()
    return None
