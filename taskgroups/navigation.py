"""Navigation entries this app contributes (see partnership.common.navigation)."""

from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry, signed_in

ENTRIES = [
    NavEntry(_("Task groups"), "taskgroups:task_group_list", 32, lambda user: True, group="Meetings"),
    NavEntry("Workplans", "taskgroups:workplan_list", 33, signed_in, group="Meetings"),
]
