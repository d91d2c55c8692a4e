"""Reminder planners: functions that look at the calendar and write due Notification rows.

Each app registers its planners in AppConfig.ready(); the hourly beat task runs them all, so
partnership never imports the apps that build on it. A planner must be idempotent: the
outbox key makes a second run write nothing new."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

Planner = Callable[[datetime], int]
_planners: list[Planner] = []


def register_planner(planner: Planner) -> Planner:
    if planner not in _planners:
        _planners.append(planner)
    return planner


def planners() -> tuple[Planner, ...]:
    return tuple(_planners)


# Notice kinds. A kind registered optional may be switched off by its recipient or gathered
# into their daily digest; every other kind (meeting notices they must attend, password resets,
# invitations, kinds nobody registered) is always sent on its own.


@dataclass(frozen=True)
class NoticeKind:
    kind: str
    label: str
    optional: bool


_kinds: dict[str, NoticeKind] = {}


def register_kind(kind: str, label: str, *, optional: bool) -> NoticeKind:
    notice_kind = NoticeKind(kind=kind, label=label, optional=optional)
    _kinds[kind] = notice_kind
    return notice_kind


def notice_kinds() -> tuple[NoticeKind, ...]:
    return tuple(sorted(_kinds.values(), key=lambda k: k.label))


def kind_label(kind: str) -> str:
    """A kind's label; a kind nobody registered (say "enquiry.acknowledgement", which is for the
    public, not for email settings) is spelled out as words rather than shown as its code."""
    if kind in _kinds:
        return _kinds[kind].label
    return kind.replace(".", " ").replace("_", " ").capitalize()


def optional_kinds() -> tuple[NoticeKind, ...]:
    return tuple(k for k in notice_kinds() if k.optional)


def is_optional(kind: str) -> bool:
    return kind in _kinds and _kinds[kind].optional


# Follow: what the public may subscribe to by email (partnership/notifications/services/
# subscriptions.py). Each app registers its topics in AppConfig.ready(): partnership a body's
# public papers and public calendar, funding the signed decisions. `news(since, until, body)`
# answers the (title, path) of what is new and public in that time, oldest first.


@dataclass(frozen=True)
class FollowTopic:
    topic: str
    label: str  # "New public papers of a body"
    news: Callable[..., list[tuple[str, str]]]
    per_body: bool = False


_topics: dict[str, FollowTopic] = {}


def register_topic(topic: str, label: str, news, *, per_body: bool = False) -> FollowTopic:
    _topics[topic] = FollowTopic(topic, label, news, per_body)
    return _topics[topic]


def follow_topics() -> tuple[FollowTopic, ...]:
    return tuple(_topics.values())


def follow_topic(topic: str) -> FollowTopic | None:
    return _topics.get(topic)
