"""Who may do what in taskgroups (django-rules). Views check these AND read objects through the
scoped querysets: what a user may not see answers 404."""

import rules

from partnership.rules import is_gla_officer, is_signed_in

from .selectors.sites import may_see_sites


@rules.predicate
def sees_sites(user):
    return may_see_sites(user)


rules.add_perm("taskgroups.manage_task_groups", is_gla_officer)
rules.add_perm("taskgroups.view_workplans", is_signed_in)
rules.add_perm("taskgroups.import_workplans", is_gla_officer)
rules.add_perm("taskgroups.view_sites", sees_sites)
rules.add_perm("taskgroups.manage_sites", is_gla_officer)
rules.add_perm("taskgroups.view_protocols", is_signed_in)
rules.add_perm("taskgroups.manage_protocols", is_gla_officer)
