from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding"

    def ready(self):
        from partnership.notifications.registry import register_planner

        from .reminders import plan_grant_end_reminders, plan_milestone_reminders

        register_planner(plan_milestone_reminders)
        register_planner(plan_grant_end_reminders)
