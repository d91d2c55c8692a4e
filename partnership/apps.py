from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnership"

    def ready(self):
        from .reminders import register_planner
        from .services.enquiries import plan_enquiry_reminders

        register_planner(plan_enquiry_reminders)
