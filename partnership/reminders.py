"""Reminder planners: functions that look at the calendar and write due Notification rows.

Each app registers its planners in AppConfig.ready(); the hourly beat task runs them all, so
partnership never imports the apps that build on it. A planner must be idempotent: the
outbox key makes a second run write nothing new."""

from collections.abc import Callable
from datetime import datetime

Planner = Callable[[datetime], int]
_planners: list[Planner] = []


def register_planner(planner: Planner) -> Planner:
    if planner not in _planners:
        _planners.append(planner)
    return planner


def planners() -> tuple[Planner, ...]:
    return tuple(_planners)
