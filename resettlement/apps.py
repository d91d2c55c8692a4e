from django.apps import AppConfig


class ResettlementConfig(AppConfig):
    name = "resettlement"
    verbose_name = "Resettlement"

    def ready(self):
        from partnership.notifications.registry import register_planner

        from . import rules  # noqa: F401 - registers the permissions
        from .reminders import plan_unmatched_offer_reminders

        register_planner(plan_unmatched_offer_reminders)

        # The site search: what this app makes searchable (partnership/search/registry.py).
        from .search import register_resettlement_kinds

        register_resettlement_kinds()
