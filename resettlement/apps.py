from django.apps import AppConfig


class ResettlementConfig(AppConfig):
    name = "resettlement"
    verbose_name = "Resettlement"

    def ready(self):
        from partnership.notifications.registry import register_planner

        from . import rules  # noqa: F401 - registers the permissions
        from .reminders import plan_unmatched_offer_reminders

        register_planner(plan_unmatched_offer_reminders)
