from django.apps import AppConfig


class TaskgroupsConfig(AppConfig):
    name = "taskgroups"
    verbose_name = "Task groups"

    def ready(self):
        from partnership.notifications.registry import register_kind, register_planner

        from . import rules  # noqa: F401 - registers the permissions
        from .reminders import KIND, plan_protocol_review_reminders

        register_kind(KIND, "Protocol reviews", optional=True)
        register_planner(plan_protocol_review_reminders)

        # The site search: what this app makes searchable (partnership/search/registry.py).
        from .search import register_taskgroups_kinds

        register_taskgroups_kinds()
