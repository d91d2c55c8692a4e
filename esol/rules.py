"""Who may see or change what in esol (django-rules), and the monitoring return's status
machine. Lists are scoped by the models' visible_to(user) as well: both, always. Object rules are
asked with rules.has_perm in views, so a superuser is not waved through steps the workflow does
not give them (a superuser is a GLA officer, not a grantee)."""

import rules

from partnership.common.status_machine import StatusMachine, Transition
from partnership.rules import is_gla_officer

from .models import EsolRole
from .models.returns import EDITABLE_STATUSES, ReturnStatus

S = ReturnStatus
GRANTEE = "grantee"  # a reporting contact of the return's project
COORDINATOR = "coordinator"  # the ESOL coordinator: a GLA officer

# The one table of a return's steps: any (from, to) pair not listed here does not exist.
RETURN_MACHINE = StatusMachine([
    Transition(S.DRAFT, S.SUBMITTED, GRANTEE, "Submit the return"),
    Transition(S.RETURNED, S.SUBMITTED, GRANTEE, "Submit the return again"),
    Transition(S.SUBMITTED, S.ACCEPTED, COORDINATOR, "Accept the return"),
    Transition(S.SUBMITTED, S.RETURNED, COORDINATOR, "Return it with comments", note_required=True),
])


@rules.predicate
def is_grantee_contact(user):
    return user.is_authenticated and user.has_role(EsolRole.GRANTEE_CONTACT) and user.organisation_id is not None


@rules.predicate
def is_provider(user):
    return user.is_authenticated and user.has_role(EsolRole.PROVIDER) and user.organisation_id is not None


def reports_for(user, project) -> bool:
    """A grantee contact named on the project, at its lead organisation (someone who moves to
    another organisation stops reporting for it, whatever the project's list still says)."""
    return (project is not None and is_grantee_contact(user) and project.lead_organisation_id == user.organisation_id
            and project.reporting_contacts.filter(pk=user.pk).exists())


def may_make(*, transition: Transition, monitoring_return, user) -> bool:
    """Whether this person may take this step: a grantee's step is for the project's reporting
    contacts, a coordinator's for GLA officers."""
    if transition.side == GRANTEE:
        return reports_for(user, monitoring_return.project)
    return user.is_authenticated and user.is_gla_officer


def steps_available(*, monitoring_return, user) -> list[Transition]:
    return [t for t in RETURN_MACHINE.from_status(monitoring_return.status)
            if may_make(transition=t, monitoring_return=monitoring_return, user=user)]


@rules.predicate
def reports_for_project(user, project):
    return reports_for(user, project)


@rules.predicate
def may_edit_return(user, monitoring_return):
    return (monitoring_return is not None and monitoring_return.status in EDITABLE_STATUSES
            and reports_for(user, monitoring_return.project))


@rules.predicate
def is_submitted(user, monitoring_return):
    return monitoring_return is not None and monitoring_return.status == ReturnStatus.SUBMITTED


@rules.predicate
def is_not_accepted(user, monitoring_return):
    return monitoring_return is not None and monitoring_return.status != ReturnStatus.ACCEPTED


@rules.predicate
def provides(user, provision):
    return provision is not None and is_provider(user) and provision.provider_id == user.organisation_id


rules.add_perm("esol.view_rounds", is_gla_officer)
rules.add_perm("esol.manage_rounds", is_gla_officer)
rules.add_perm("esol.view_projects", is_gla_officer | is_grantee_contact)
rules.add_perm("esol.manage_projects", is_gla_officer)
rules.add_perm("esol.report_for_project", reports_for_project)
rules.add_perm("esol.edit_return", may_edit_return)
rules.add_perm("esol.review_return", is_gla_officer & is_submitted)
rules.add_perm("esol.change_return_dates", is_gla_officer & is_not_accepted)
rules.add_perm("esol.manage_provision", is_gla_officer | is_provider)
rules.add_perm("esol.change_provision", is_gla_officer | provides)
rules.add_perm("esol.manage_borough_contacts", is_gla_officer)
rules.add_perm("esol.create_progress_paper", is_gla_officer)
