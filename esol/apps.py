from django.apps import AppConfig


class EsolConfig(AppConfig):
    name = "esol"
    verbose_name = "ESOL Plus"

    def ready(self):
        from partnership.notifications.registry import register_kind, register_planner

        from . import rules  # noqa: F401 - registers the permissions
        from .chain import register_decision_panel
        from .reminders import (
            KIND_PROVISION_CHECK,
            KIND_RETURN_DUE,
            KIND_RETURN_OVERDUE,
            plan_provision_check_reminders,
            plan_return_reminders,
        )
        from .services.returns import KIND_DECIDED, KIND_SUBMITTED

        register_kind(KIND_RETURN_DUE, "Monitoring returns due", optional=False)
        register_kind(KIND_RETURN_OVERDUE, "Monitoring returns overdue", optional=False)
        register_kind(KIND_SUBMITTED, "Monitoring returns submitted", optional=True)
        register_kind(KIND_DECIDED, "Monitoring returns accepted or returned", optional=False)
        register_kind(KIND_PROVISION_CHECK, "ESOL directory entries to check", optional=False)
        register_planner(plan_return_reminders)
        register_planner(plan_provision_check_reminders)
        register_decision_panel()

        # Roles: an officer invites a provider's account; a grantee contact is whoever a project
        # names, so that role is registered for its label only.
        from partnership.roles import register_role

        from .models.roles import EsolRole

        register_role(EsolRole.PROVIDER, EsolRole.PROVIDER.label, invitable=True,
                      needs_organisation="Choose the ESOL provider this person works for.",
                      hint="Keeps their organisation's entries in the public ESOL directory up to date")
        register_role(EsolRole.GRANTEE_CONTACT, EsolRole.GRANTEE_CONTACT.label, invitable=False)

        # The site search: what this app makes searchable (partnership/search/registry.py).
        from .search import register_esol_kinds

        register_esol_kinds()
