"""Navigation entries this app contributes (see partnership.common.navigation)."""

from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry


def _may(perm):
    return lambda user: user.has_perm(perm)


def _grantee_only(user):
    # A GLA officer reaches projects through the rounds; a grantee contact has only their projects.
    return user.has_perm("esol.view_projects") and not user.has_perm("esol.view_rounds")


def _provider_only(user):
    return user.has_perm("esol.manage_provision") and not user.is_gla_officer


ENTRIES = [
    NavEntry(_("Find ESOL"), "esol:provision_directory", 70, lambda user: True, group="ESOL"),
    NavEntry("ESOL Plus", "esol:round_list", 72, _may("esol.view_rounds"), group="ESOL"),
    NavEntry("Your projects", "esol:project_list", 72, _grantee_only, group="ESOL"),
    NavEntry("Monitoring returns", "esol:return_list", 73, _may("esol.view_projects"), group="ESOL"),
    NavEntry("Your directory entries", "esol:provision_manage", 74, _provider_only, group="ESOL"),
]
