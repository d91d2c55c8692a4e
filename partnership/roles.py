"""The roles an account can hold (auth groups), partnership's own and those of the apps built on
it. An app registers its roles in AppConfig.ready(), as it registers notice kinds and planners,
so that partnership can name them and an officer can give them in an invitation without
partnership importing the app (the one-way rule, DESIGN.md section 3)."""

from dataclasses import dataclass

from crispy_forms_gds.choices import Choice

from partnership.models import Role


@dataclass(frozen=True)
class AccountRole:
    value: str  # the auth group's name
    label: str
    # Given in an invitation. A role that follows from something else (a grantee contact is
    # whoever is named on a project) is registered for its label only.
    invitable: bool
    # The error shown when the account has no organisation; empty when none is needed.
    needs_organisation: str = ""
    # What the role lets its holder do, under its box in the invitation.
    hint: str = ""


_roles: dict[str, AccountRole] = {}


def register_role(value: str, label: str, *, invitable: bool, needs_organisation: str = "",
                  hint: str = "") -> AccountRole:
    role = AccountRole(value=value, label=label, invitable=invitable, needs_organisation=needs_organisation,
                       hint=hint)
    _roles[value] = role
    return role


# Partnership's own. A borough officer needs more than an organisation (a London borough):
# services/users.user_grant_role checks that.
register_role(Role.GLA_OFFICER, Role.GLA_OFFICER.label, invitable=True,
              hint="Sees and manages everything in the portal; signs in with an authenticator app too")
register_role(Role.BOROUGH_OFFICER, Role.BOROUGH_OFFICER.label, invitable=True,
              needs_organisation="Choose the borough this borough officer works for.",
              hint="Submits and follows their own borough's resettlement offers")


def account_role(value: str) -> AccountRole | None:
    return _roles.get(value)


def invitable_role_choices() -> list[Choice]:
    """The roles an invitation can give, partnership's first: (value, label) choices, each with
    its hint."""
    return [Choice(role.value, role.label, hint=role.hint) for role in _roles.values() if role.invitable]


def role_label(value: str) -> str:
    """A group's label; a group nobody registered is shown by its name."""
    role = _roles.get(value)
    return role.label if role else value
