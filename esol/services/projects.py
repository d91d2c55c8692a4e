"""Writes to projects. A grant is awarded, changed or given back (a withdrawn project) under the
round's row lock, and the round's money rule is checked before the transaction commits (see
esol.services.rounds)."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import Organisation, User
from partnership.search.services import search_index

from ..models import EsolRole, Project, Round
from .rounds import _locked_round, check_grants_within_budget

PROJECT_FIELDS = ("title", "lead_organisation", "grant_awarded", "starts_on", "ends_on", "summary",
                  "barriers_addressed", "target_enrolled", "target_completed", "target_progressed",
                  "target_learning_hours", "status", "reporting_frequency", "notes")


def _check_grant_range(round_: Round, project: Project) -> None:
    grant = project.grant_awarded
    if grant is None:
        return
    if round_.grant_min is not None and grant < round_.grant_min:
        raise ValidationError({"grant_awarded": f"Grants in {round_.name} are at least £{round_.grant_min:,.2f}."})
    if round_.grant_max is not None and grant > round_.grant_max:
        raise ValidationError({"grant_awarded": f"Grants in {round_.name} are at most £{round_.grant_max:,.2f}."})


def _check_people(lead: Organisation, boroughs, contacts) -> None:
    if any(not borough.is_borough for borough in boroughs):
        raise ValidationError({"boroughs": "Choose London boroughs only."})
    strangers = [user for user in contacts if user.organisation_id != lead.pk]
    if strangers:
        raise ValidationError({"reporting_contacts": (
            f"Reporting contacts work at the lead organisation, {lead}: "
            + ", ".join(str(user) for user in strangers) + " do not.")})


def _grant_contact_role(contacts) -> None:
    # Being named a project's reporting contact is what makes someone a grantee contact.
    group = Group.objects.get_or_create(name=EsolRole.GRANTEE_CONTACT)[0]
    for user in contacts:
        user.groups.add(group)


def _save(project: Project, *, round_: Round, fields: dict, partners, boroughs, reporting_contacts) -> Project:
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise ValueError(f"not a project field: {sorted(unknown)}")
    current_round = _locked_round(round_)
    for name, value in fields.items():
        setattr(project, name, value)
    project.round = current_round
    _check_people(project.lead_organisation, boroughs, reporting_contacts)
    _check_grant_range(current_round, project)
    project.full_clean()
    project.save()
    project.partners.set(partners)
    project.boroughs.set(boroughs)
    project.reporting_contacts.set(reporting_contacts)
    _grant_contact_role(reporting_contacts)
    check_grants_within_budget(current_round)
    search_index(project)
    return project


def project_create(*, round_: Round, partners=(), boroughs=(), reporting_contacts: list[User] = (),
                   **fields) -> Project:
    with transaction.atomic():
        return _save(Project(), round_=round_, fields=fields, partners=partners, boroughs=boroughs,
                     reporting_contacts=reporting_contacts)


def project_update(*, project: Project, partners=(), boroughs=(), reporting_contacts: list[User] = (),
                   **fields) -> Project:
    """The round never changes here: a project moves between rounds by a new award."""
    with transaction.atomic():
        current = Project.objects.select_for_update().get(pk=project.pk)
        return _save(current, round_=current.round, fields=fields, partners=partners, boroughs=boroughs,
                     reporting_contacts=reporting_contacts)
