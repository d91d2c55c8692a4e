from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership"

    def ready(self):
        # Reminders: the notice kinds (which may be switched off) and the hourly planners.
        from . import reminders
        from .notifications.registry import register_kind, register_planner
        from .notifications.services import digests
        from .services import meeting_notices

        register_kind(meeting_notices.KIND_REMINDER, "Meeting reminders", optional=False)
        register_kind(meeting_notices.KIND_RESCHEDULED, "Meeting changes", optional=False)
        register_kind(meeting_notices.KIND_CANCELLED, "Meeting cancellations", optional=False)
        register_kind(meeting_notices.KIND_POSTPONED, "Meeting postponements", optional=False)
        register_kind(meeting_notices.KIND_PAPERS, "New papers for your meetings", optional=True)
        register_kind(reminders.KIND_DUE_SOON, "Your actions due in 3 days", optional=True)
        register_kind(reminders.KIND_OVERDUE, "Your actions that became overdue", optional=True)
        register_kind(reminders.KIND_OVERDUE_DIGEST, "Weekly list of your overdue actions",
                      optional=True)
        register_kind(digests.KIND_DAILY_DIGEST, "Daily digest", optional=False)
        register_planner(reminders.plan_meeting_reminders)
        register_planner(reminders.plan_action_notices)
        from .enquiries.reminders import plan_enquiry_reminders

        register_planner(plan_enquiry_reminders)
        # The site search: what partnership itself makes searchable (other apps register theirs).
        from .search.kinds import register_partnership_kinds

        register_partnership_kinds()
        # Follow: what the public may subscribe to, the daily digest and the clean-up.
        from .notifications.registry import register_topic
        from .notifications.services import subscriptions
        from .selectors.follow import body_calendar_news, body_papers_news

        register_topic("body_papers", "New public papers", body_papers_news, per_body=True)
        register_topic("body_calendar", "New meetings on the public calendar", body_calendar_news, per_body=True)
        register_kind(subscriptions.KIND_CONFIRM, "Confirmation of email alerts", optional=False)
        register_kind(subscriptions.KIND_DIGEST, "Email alerts (followed papers, meetings and decisions)",
                      optional=False)
        register_planner(subscriptions.plan_follow_digests)
