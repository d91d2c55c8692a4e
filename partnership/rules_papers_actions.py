"""Who may change papers and actions (django-rules). Seeing them is decided by the scoped
querysets (Paper/Action.objects.visible_to); these decide what a viewer may do."""

import rules

from .rules import is_gla_officer


@rules.predicate
def is_action_owner(user, action):
    return user.is_authenticated and action is not None and action.owner_user_id == user.pk


rules.add_perm("partnership.manage_papers", is_gla_officer)
rules.add_perm("partnership.manage_actions", is_gla_officer)
rules.add_perm("partnership.update_action", is_gla_officer | is_action_owner)
rules.add_perm("partnership.complete_action", is_gla_officer | is_action_owner)
