from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = "Funding"

    def ready(self):
        from partnership.notifications.registry import register_planner

        from .reminders import plan_grant_end_reminders, plan_milestone_reminders

        register_planner(plan_milestone_reminders)
        register_planner(plan_grant_end_reminders)

        # The site search: what this app makes searchable (partnership/search/registry.py).
        from .search import register_funding_kinds

        register_funding_kinds()

        # Follow: the public may subscribe to new signed decisions (a daily email digest).
        from partnership.notifications.registry import register_topic

        from .selectors import signed_decisions_news

        register_topic("signed_decisions", "New signed decisions", signed_decisions_news)
