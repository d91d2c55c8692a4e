"""Navigation entries this app contributes (see partnership.common.navigation)."""

from partnership.navigation import NavEntry


def signed_in(user):
    return user.is_authenticated


ENTRIES = [
    NavEntry("Task groups", "taskgroups:task_group_list", 32, lambda user: True),
    NavEntry("Workplans", "taskgroups:workplan_list", 46, signed_in),
]
