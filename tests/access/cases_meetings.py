"""Access rows for organisations, people, bodies, meetings, minutes and calendars.

MRAP is the panel member's body; HMAP is not: HMAP's members' side (online links, minutes that
are not public) answers 404 to them, as to borough officers; anonymous visitors are sent to sign
in for members' pages and get 404 for minutes that are not public."""

from partnership.models import Declaration, InterestKind, Membership
from partnership.services.attendance import reply_token
from partnership.services.interests import interest_add
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, SIGNED_IN, Case, expect
from tests.factories.meetings import AgendaItemFactory, CalendarFeedTokenFactory, MinutesFactory, members_meeting
from tests.factories.partnership import BodyFactory

ALL_405 = expect(405, 405, 405, 405, 405, 405)
GLA_POST = expect(LOGIN, 302, 403, 403, 403, 302)  # an officer's change, then back to the page
MEMBERS_OF_HMAP = expect(LOGIN, 200, 404, 404, 404, 200)
MEMBERS_OF_MRAP = expect(LOGIN, 200, 404, 404, 200, 200)
HMAP_MINUTES = expect(404, 200, 404, 404, 404, 200)
MRAP_MINUTES = expect(404, 200, 404, 404, 200, 200)
NOBODY = expect(404, 404, 404, 404, 404, 404)
OWN_INTEREST = expect(LOGIN, 404, 404, 404, 200, 404)  # the panel member's own
FIXED = "minutes approved: agenda fixed"
FIXED_ATTENDANCE = "minutes approved: attendance fixed"


def _hmap_meeting(world):
    return {"pk": members_meeting(world.hmap).pk}


def _mrap_meeting(world):
    return {"pk": members_meeting(world.mrap).pk}


def _agenda_item(world):
    return {"pk": members_meeting(world.hmap).agenda_items.get().pk}


def _removed_agenda_item(world):
    item = AgendaItemFactory(meeting=members_meeting(world.hmap), position=2)
    pk = item.pk
    item.delete()
    return {"pk": pk}


def _agenda_item_with_declaration(world):
    item = members_meeting(world.hmap).agenda_items.get()
    Declaration.objects.create(agenda_item=item, person=world.users["panel_member"], interest="Trustee")
    return {"pk": item.pk}


def _fixed(what):
    """A meeting whose minutes are approved, so its agenda is fixed: the meeting, its item, or
    its item with a direction to move."""
    def kwargs(world):
        meeting = members_meeting(world.hmap)
        MinutesFactory(meeting=meeting, approved=True)
        if what == "meeting":
            return {"pk": meeting.pk}
        item = {"pk": meeting.agenda_items.get().pk}
        return item if what == "item" else {**item, "direction": what}

    return kwargs


def _move(direction):
    def kwargs(world):
        return {"pk": members_meeting(world.hmap).agenda_items.get().pk, "direction": direction}

    return kwargs


def _minutes_of(body_of, **traits):
    def kwargs(world):
        return {"pk": MinutesFactory(meeting=members_meeting(body_of(world)), **traits).meeting_id}

    return kwargs


def _public_body_minutes(world):
    body = BodyFactory(short_name="LSMP", name="LSMP board", minutes_are_public=True)
    return {"pk": MinutesFactory(meeting=members_meeting(body), approved=True).meeting_id}


def _public_body_draft_minutes(world):
    body = BodyFactory(short_name="LSMP", name="LSMP board", minutes_are_public=True)
    return {"pk": MinutesFactory(meeting=members_meeting(body)).meeting_id}


def _reply_token(reply="apologies", tamper=False):
    """A signed reply link of the panel member for an MRAP meeting, as the reminder carries it."""
    def kwargs(world):
        token = reply_token(meeting=members_meeting(world.mrap), person=world.users["panel_member"], reply=reply)
        return {"token": token[:-4] + "AAAA" if tamper else token}

    return kwargs


def _own_interest(world):
    return {"pk": interest_add(person=world.users["panel_member"], kind=InterestKind.ROLE,
                               description="Trustee of a refugee charity").pk}


def _feed(world):
    return {"token": CalendarFeedTokenFactory(user=world.users["panel_member"]).token}


def _revoked_feed(world):
    feed = CalendarFeedTokenFactory(user=world.users["panel_member"])
    token = feed.token
    feed.delete()
    return {"token": token}


CASES = [
    Case("partnership:organisation_list", GLA_ONLY),
    Case("partnership:organisation_create", GLA_ONLY),
    Case("partnership:organisation_detail", GLA_ONLY, kwargs=lambda w: {"pk": w.camden.pk}),
    Case("partnership:organisation_edit", GLA_ONLY, kwargs=lambda w: {"pk": w.camden.pk}),
    Case("partnership:person_list", GLA_ONLY),
    Case("partnership:person_detail", GLA_ONLY, kwargs=lambda w: {"pk": w.users["panel_member"].pk}),
    Case("partnership:person_edit", GLA_ONLY, kwargs=lambda w: {"pk": w.users["panel_member"].pk}),
    Case("partnership:person_edit", expect(LOGIN, 404, 403, 403, 403, 200),
         kwargs=lambda w: {"pk": w.users["superuser"].pk}, label="a superuser"),

    Case("partnership:body_list", PUBLIC),
    Case("partnership:body_detail", PUBLIC, kwargs=lambda w: {"pk": w.hmap.pk}),
    Case("partnership:body_calendar", PUBLIC, kwargs=lambda w: {"pk": w.hmap.pk}),
    Case("partnership:body_meetings", PUBLIC, kwargs=lambda w: {"pk": w.hmap.pk}),
    Case("partnership:body_create", GLA_ONLY),
    Case("partnership:body_edit", GLA_ONLY, kwargs=lambda w: {"pk": w.hmap.pk}),
    Case("partnership:membership_create", GLA_ONLY, kwargs=lambda w: {"pk": w.hmap.pk}),
    Case("partnership:membership_end", GLA_ONLY,
         kwargs=lambda w: {"pk": Membership.objects.get(user=w.users["panel_member"]).pk}),
    Case("partnership:meeting_create", GLA_ONLY, kwargs=lambda w: {"pk": w.hmap.pk}),

    Case("partnership:meeting_calendar", PUBLIC),
    Case("partnership:my_meetings", SIGNED_IN),
    Case("partnership:meeting_detail", PUBLIC, kwargs=_hmap_meeting),
    Case("partnership:meeting_joining", MEMBERS_OF_HMAP, kwargs=_hmap_meeting, label="HMAP"),
    Case("partnership:meeting_joining", MEMBERS_OF_MRAP, kwargs=_mrap_meeting, label="MRAP"),
    Case("partnership:meeting_reschedule", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:meeting_cancel", GLA_ONLY, kwargs=_hmap_meeting, label="confirm"),
    Case("partnership:meeting_cancel", GLA_POST, kwargs=_hmap_meeting, method="post", label="cancel"),
    Case("partnership:meeting_postpone", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:meeting_mark_held", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:meeting_create_next", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:agenda_item_create", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:agenda_item_edit", GLA_ONLY, kwargs=_agenda_item),
    Case("partnership:agenda_item_remove", GLA_ONLY, kwargs=_agenda_item, label="confirm"),
    Case("partnership:agenda_item_remove", GLA_POST, kwargs=_agenda_item, method="post", label="remove"),
    Case("partnership:agenda_item_remove", GLA_ONLY, kwargs=_agenda_item_with_declaration,
         label="declarations recorded: refused"),
    Case("partnership:agenda_item_remove", expect(LOGIN, 404, 403, 403, 403, 404), kwargs=_removed_agenda_item,
         label="no such item"),
    Case("partnership:agenda_item_remove", expect(LOGIN, 404, 403, 403, 403, 404), kwargs=_removed_agenda_item,
         method="post", label="no such item, posted"),
    Case("partnership:agenda_item_move", ALL_405, kwargs=_move("up"), label="GET is refused"),
    Case("partnership:agenda_item_move", GLA_POST, kwargs=_move("down"), method="post", label="move"),
    Case("partnership:agenda_item_move", expect(LOGIN, 404, 403, 403, 403, 404), kwargs=_move("sideways"),
         method="post", label="no such direction"),
    Case("partnership:attendance_record", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:declaration_create", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:meeting_decision_create", GLA_ONLY, kwargs=_hmap_meeting),
    # Approved minutes fix the agenda: officers are sent back to the meeting, which says why.
    Case("partnership:meeting_detail", PUBLIC, kwargs=_fixed("meeting"), label=FIXED),
    Case("partnership:agenda_item_create", GLA_POST, kwargs=_fixed("meeting"), label=FIXED),
    Case("partnership:agenda_item_edit", GLA_POST, kwargs=_fixed("item"), label=FIXED),
    Case("partnership:agenda_item_remove", GLA_ONLY, kwargs=_fixed("item"), label=f"confirm: {FIXED}"),
    Case("partnership:agenda_item_remove", GLA_POST, kwargs=_fixed("item"), method="post",
         label=f"remove: {FIXED}"),
    Case("partnership:agenda_item_move", GLA_POST, kwargs=_fixed("down"), method="post", label=FIXED),
    Case("partnership:declaration_create", GLA_POST, kwargs=_fixed("meeting"), label=FIXED),
    Case("partnership:meeting_decision_create", GLA_POST, kwargs=_fixed("meeting"), label=FIXED),
    # Approved minutes fix the attendance too.
    Case("partnership:attendance_record", GLA_POST, kwargs=_fixed("meeting"), label=FIXED_ATTENDANCE),
    Case("partnership:attendance_record", GLA_POST, kwargs=_fixed("meeting"), method="post",
         label=f"save: {FIXED_ATTENDANCE}"),

    Case("partnership:minutes_detail", HMAP_MINUTES, kwargs=_minutes_of(lambda w: w.hmap), label="HMAP draft"),
    Case("partnership:minutes_detail", HMAP_MINUTES, kwargs=_minutes_of(lambda w: w.hmap, approved=True),
         label="HMAP approved, not public"),
    Case("partnership:minutes_detail", MRAP_MINUTES, kwargs=_minutes_of(lambda w: w.mrap, approved=True),
         label="MRAP approved, not public"),
    Case("partnership:minutes_detail", PUBLIC, kwargs=_public_body_minutes, label="public body, approved"),
    Case("partnership:minutes_detail", expect(404, 404, 404, 404, 404, 404), kwargs=_hmap_meeting,
         label="no minutes yet"),
    Case("partnership:minutes_edit", GLA_ONLY, kwargs=_minutes_of(lambda w: w.hmap)),
    Case("partnership:minutes_approve", ALL_405, kwargs=_minutes_of(lambda w: w.hmap), label="GET is refused"),
    Case("partnership:minutes_approve", GLA_POST, kwargs=_minutes_of(lambda w: w.hmap), method="post",
         label="approve"),
    Case("partnership:meeting_history", GLA_ONLY, kwargs=_hmap_meeting),
    Case("partnership:minutes_pdf", PUBLIC, kwargs=_public_body_minutes, label="public body, approved"),
    Case("partnership:minutes_pdf", NOBODY, kwargs=_minutes_of(lambda w: w.hmap, approved=True),
         label="approved, not public"),
    Case("partnership:minutes_pdf", NOBODY, kwargs=_public_body_draft_minutes, label="public body, draft"),

    # Replies before a meeting: members of the body from its page; anyone holding the signed link.
    Case("partnership:attendance_reply", ALL_405, kwargs=_mrap_meeting, label="GET is refused"),
    Case("partnership:attendance_reply", expect(LOGIN, 404, 404, 404, 302, 404), kwargs=_mrap_meeting,
         method="post", data=lambda w: {"reply": "apologies"}, label="MRAP"),
    Case("partnership:attendance_reply_link", PUBLIC, kwargs=_reply_token(), label="confirm apologies"),
    Case("partnership:attendance_reply_link", PUBLIC, kwargs=_reply_token("attending"), label="confirm attending"),
    Case("partnership:attendance_reply_link", expect(302, 302, 302, 302, 302, 302), kwargs=_reply_token(),
         method="post", label="record"),
    Case("partnership:attendance_reply_link", expect(400, 400, 400, 400, 400, 400),
         kwargs=_reply_token(tamper=True), label="tampered"),
    Case("partnership:attendance_reply_link", expect(400, 400, 400, 400, 400, 400),
         kwargs=_reply_token(tamper=True), method="post", label="tampered, posted"),
    Case("partnership:body_attendance", MEMBERS_OF_MRAP, kwargs=lambda w: {"pk": w.mrap.pk}, label="MRAP"),
    Case("partnership:body_attendance", MEMBERS_OF_HMAP, kwargs=lambda w: {"pk": w.hmap.pk}, label="HMAP"),

    # The register of interests: each person their own; another's answers 404.
    Case("partnership:interest_list", SIGNED_IN),
    Case("partnership:interest_create", SIGNED_IN),
    Case("partnership:interest_edit", OWN_INTEREST, kwargs=_own_interest),
    Case("partnership:interest_end", OWN_INTEREST, kwargs=_own_interest, label="confirm"),
    Case("partnership:interest_end", expect(LOGIN, 404, 404, 404, 302, 404), kwargs=_own_interest, method="post",
         label="end"),

    Case("partnership:feed_settings", SIGNED_IN),
    Case("partnership:feed_settings", expect(LOGIN, 302, 302, 302, 302, 302), method="post",
         data=lambda w: {"action": "regenerate"}, label="new address"),
    Case("partnership:personal_feed", PUBLIC, kwargs=_feed, label="valid token"),
    Case("partnership:personal_feed", expect(404, 404, 404, 404, 404, 404), kwargs=_revoked_feed,
         label="revoked token"),
    Case("partnership:personal_feed", expect(404, 404, 404, 404, 404, 404),
         kwargs=lambda w: {"token": "guessed-token"}, label="guessed token"),
]
