"""Who may do what in the partnership app (django-rules predicates). Views check these for
objects and list views filter through the scoped QuerySet methods as well: both, always."""

from dataclasses import dataclass

import rules

from partnership.common.status_machine import StatusMachine, Transition
from partnership.models import MeetingStatus

M = MeetingStatus
# The one transition table of a meeting. Rescheduling a postponed meeting (meeting_reschedule)
# makes it scheduled again; a held or cancelled meeting is final.
MEETING_MACHINE = StatusMachine([
    Transition(M.SCHEDULED, M.CANCELLED, verb="Cancel this meeting"),
    Transition(M.POSTPONED, M.CANCELLED, verb="Cancel this meeting"),
    Transition(M.SCHEDULED, M.POSTPONED, verb="Postpone this meeting"),
    Transition(M.SCHEDULED, M.HELD, verb="Mark as held"),
    Transition(M.POSTPONED, M.SCHEDULED, verb="Change the time"),
])


@rules.predicate
def is_gla_officer(user):
    return user.is_authenticated and user.is_gla_officer


@rules.predicate
def is_borough_officer(user):
    return user.is_authenticated and user.borough is not None


@rules.predicate
def is_panel_member(user):
    return user.is_authenticated and user.is_panel_member


is_signed_in = rules.is_authenticated

rules.add_perm("partnership.invite_user", is_gla_officer)
rules.add_perm("partnership.view_officer_dashboard", is_gla_officer)

# Bodies, meetings, organisations and people: GLA officers run them.
rules.add_perm("partnership.manage_organisations", is_gla_officer)
rules.add_perm("partnership.view_people", is_gla_officer)
rules.add_perm("partnership.manage_bodies", is_gla_officer)
rules.add_perm("partnership.manage_meetings", is_gla_officer)
rules.add_perm("partnership.view_meeting_history", is_gla_officer)
# The register of interests: everyone signed in keeps their own (the views scope to the owner);
# GLA officers see the registers of those expected at a meeting.
rules.add_perm("partnership.keep_own_interests", rules.is_authenticated)
rules.add_perm("partnership.view_interests_at_meetings", is_gla_officer)


# Papers and actions: seeing them is decided by the scoped querysets
# (Paper/Action.objects.visible_to); these decide what a viewer may do.
@rules.predicate
def is_action_owner(user, action):
    """The owner, or the owning organisation's contact user (Action.is_owned_by)."""
    return action is not None and action.is_owned_by(user)


rules.add_perm("partnership.manage_papers", is_gla_officer)
rules.add_perm("partnership.manage_actions", is_gla_officer)
rules.add_perm("partnership.update_action", is_gla_officer | is_action_owner)
rules.add_perm("partnership.complete_action", is_gla_officer | is_action_owner)
rules.add_perm("partnership.view_notification_log", is_gla_officer)
rules.add_perm("partnership.retry_notification", is_gla_officer)
# Enquiries: the public sends them; only GLA officers triage them.
rules.add_perm("partnership.triage_enquiries", is_gla_officer)


# Two-factor authentication: another GLA officer resets it (never the person themselves), for
# someone who needs it.
@rules.predicate
def is_someone_else_with_two_factor(user, person):
    return person is not None and person.pk != user.pk and person.is_gla_officer


rules.add_perm("partnership.reset_two_factor", is_gla_officer & is_someone_else_with_two_factor)


def may_reset_two_factor(user, person) -> bool:
    """The rule itself, for superusers too: user.has_perm lets a superuser do anything, and
    resetting one's own second step (or a step someone does not have) means nothing."""
    return rules.has_perm("partnership.reset_two_factor", user, person)


# Running a meeting from one page: the stage it is at, and the one next step the page offers as
# its primary button (partnership/selectors/meetings.py gathers the facts; this decides).
STAGE_BEFORE, STAGE_AT, STAGE_AFTER, STAGE_CANCELLED = "before", "at", "after", "cancelled"


@dataclass(frozen=True)
class NextStep:
    key: str  # add_agenda_item, upload_paper, reschedule, record_attendance, mark_held, write_minutes, approve_minutes
    label: str
    url_name: str
    method: str = "get"  # "post": the button is a form (approving the minutes)


@dataclass(frozen=True)
class MeetingFacts:
    status: str
    started: bool
    has_agenda_items: bool
    has_papers: bool
    attendance_recorded: bool
    minutes_status: str | None  # None, "draft" or "approved"


def meeting_stage(facts: MeetingFacts) -> str:
    if facts.status == M.CANCELLED:
        return STAGE_CANCELLED
    if facts.status == M.HELD:
        return STAGE_AFTER
    if facts.status == M.SCHEDULED and facts.started:
        return STAGE_AT
    return STAGE_BEFORE


def meeting_next_step(facts: MeetingFacts) -> NextStep | None:
    """The one thing to do next, or None when nothing is due (the meeting has not started and its
    agenda and papers are in place; it is cancelled; its minutes are approved). Status changes are
    offered only where MEETING_MACHINE has the transition."""
    minutes_status = facts.minutes_status
    postponed_again = MEETING_MACHINE.get(facts.status, M.SCHEDULED)
    if postponed_again is not None:
        return NextStep("reschedule", postponed_again.verb, "partnership:meeting_reschedule")
    stage = meeting_stage(facts)
    if stage == STAGE_CANCELLED or minutes_status == "approved":
        return None
    if stage == STAGE_BEFORE:
        if not facts.has_agenda_items:
            return NextStep("add_agenda_item", "Add an agenda item", "partnership:agenda_item_create")
        if not facts.has_papers:
            return NextStep("upload_paper", "Upload a paper", "partnership:paper_upload")
        return None
    if stage == STAGE_AT:
        if not facts.attendance_recorded:
            return NextStep("record_attendance", "Record attendance", "partnership:attendance_record")
        held = MEETING_MACHINE.get(facts.status, M.HELD)
        return NextStep("mark_held", held.verb, "partnership:meeting_mark_held")
    # After: the minutes, then their approval.
    if minutes_status is None:
        return NextStep("write_minutes", "Write the minutes", "partnership:minutes_edit")
    return NextStep("approve_minutes", "Approve the minutes", "partnership:minutes_approve", method="post")
