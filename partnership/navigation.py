"""Navigation entries this app contributes, by role. lsmp.context_processors gathers every
app's entries; an app adds its own here rather than editing the site template."""

from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry, gla_officer, signed_in

ENTRIES = [
    NavEntry("Email settings", "partnership:notification_preferences", 95, signed_in, account=True),
]

# Bodies, meetings and organisations.
ENTRIES += [
    NavEntry(_("Meetings"), "partnership:meeting_calendar", 30, lambda user: True, group="Meetings"),
    NavEntry(_("Bodies"), "partnership:body_list", 31, lambda user: True, group="Meetings"),
    NavEntry("Organisations", "partnership:organisation_list", 85, gla_officer),
]

# Papers and actions.
ENTRIES += [
    NavEntry(_("Papers"), "partnership:paper_list", 40, lambda user: True, group="Meetings"),
    NavEntry("My actions", "partnership:my_actions", 45, signed_in, group="Actions"),
    # Everyone signed in reaches the actions list, scoped to the actions they own and those of
    # the bodies they belong to, so the entry is not the Migration Team's alone.
    NavEntry("Actions", "partnership:action_list", 50, signed_in, group="Actions"),
]
# The public contact form, for everyone; the queue behind it, for the Migration Team.
ENTRIES += [
    NavEntry(_("Contact us"), "contact", 80, lambda user: not gla_officer(user)),
    NavEntry("Enquiries", "partnership:enquiry_list", 52, gla_officer),
]

# The menu shows one link per group (Meetings: meetings, bodies, papers, task groups, workplans),
# so it fits one row at 1280 px; the group's entries are the section's links below it.
# Invite a user and the delivery log are reached from the dashboard (and the people list), and
# draft decisions and the risk register from the decisions register: with them all in the bar a
# GLA officer's navigation ran to three rows.
