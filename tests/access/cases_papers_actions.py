"""Access rows for papers and actions. Objects outside a role's scope answer 404.

The world: panel_member belongs to MRAP only; borough officers belong to no body unless a row
makes them a member (borough_a of the borough network, BRON)."""


import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import PaperVisibility
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, SIGNED_IN, Case, expect
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, BodyFactory, MeetingFactory, MembershipFactory, UserFactory

NOT_FOUND = expect(404, 404, 404, 404, 404, 404)
# Seen by GLA officers (and superusers) and MRAP's member only.
MRAP_MEMBERS = expect(404, 200, 404, 404, 200, 200)
MRAP_MEMBERS_SIGNED_IN = expect(LOGIN, 200, 404, 404, 200, 200)
GLA_ONLY_404 = expect(404, 200, 404, 404, 404, 200)
GLA_ONLY_SIGNED_IN_404 = expect(LOGIN, 200, 404, 404, 404, 200)


def _paper(world, body, visibility, published=True):
    paper = PaperFactory(body=body, visibility=visibility,
                         published_at=timezone.now() if published else None)
    return {"pk": paper.pk}


def _bron_paper_with_camden_member(world):
    bron = BodyFactory(name="Borough resettlement officers' network", short_name="BRON")
    MembershipFactory(user=world.users["borough_a"], body=bron)
    return _paper(world, bron, PaperVisibility.MEMBERS)


def _bron_action_with_camden_member(world):
    bron = BodyFactory(name="Borough resettlement officers' network", short_name="BRON")
    MembershipFactory(user=world.users["borough_a"], body=bron)
    return {"pk": ActionFactory(body=bron).pk}


def _action(world, body, owner=None):
    return {"pk": ActionFactory(body=body, owner_user=owner or UserFactory()).pk}


def _member_owned_action(world):
    return _action(world, world.mrap, owner=world.users["panel_member"])


def _camden_action(world, contact_user):
    """An HMAP action owned by Camden (borough_a's organisation; borough_a is not on HMAP)."""
    return {"pk": ActionFactory(body=world.hmap, owner_user=None, owner_organisation=world.camden,
                                owner_contact="Resettlement team", owner_contact_user=contact_user).pk}


def _camden_action_with_camden_officer_as_contact(world):
    return _camden_action(world, world.users["borough_a"])


def _camden_action_with_a_colleague_as_contact(world):
    return _camden_action(world, UserFactory(organisation=world.camden))


PAPER_PAGES = ["partnership:paper_detail", "partnership:paper_download"]

CASES = [
    Case("partnership:paper_list", PUBLIC),
    Case("partnership:paper_body_list", PUBLIC, kwargs=lambda w: {"body_id": w.hmap.pk}),
    Case("partnership:paper_body_list", NOT_FOUND, kwargs=lambda w: {"body_id": 999999}, label="no such body"),
    Case("partnership:paper_meeting_list", PUBLIC,
         kwargs=lambda w: {"meeting_id": MeetingFactory(body=w.hmap).pk}),
    Case("partnership:paper_meeting_list", NOT_FOUND, kwargs=lambda w: {"meeting_id": 999999},
         label="no such meeting"),
    Case("partnership:paper_upload", GLA_ONLY),
    Case("partnership:paper_edit", GLA_ONLY, kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS)),
    Case("partnership:paper_publish", expect(LOGIN, 302, 403, 403, 403, 302), method="post",
         kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS, published=False)),
    Case("partnership:paper_unpublish", expect(LOGIN, 302, 403, 403, 403, 302), method="post",
         kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS)),
    Case("partnership:paper_publish", expect(405, 405, 405, 405, 405, 405), label="GET is refused",
         kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS, published=False)),
    Case("partnership:paper_unpublish", expect(405, 405, 405, 405, 405, 405), label="GET is refused",
         kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS)),
]

for url_name in PAPER_PAGES:
    CASES += [
        Case(url_name, PUBLIC, label="published public paper of HMAP",
             kwargs=lambda w: _paper(w, w.hmap, PaperVisibility.PUBLIC)),
        Case(url_name, GLA_ONLY_404, label="unpublished public paper",
             kwargs=lambda w: _paper(w, w.hmap, PaperVisibility.PUBLIC, published=False)),
        Case(url_name, MRAP_MEMBERS, label="MRAP members' paper",
             kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS)),
        Case(url_name, GLA_ONLY_404, label="HMAP members' paper",
             kwargs=lambda w: _paper(w, w.hmap, PaperVisibility.MEMBERS)),
        Case(url_name, GLA_ONLY_404, label="MRAP restricted paper",
             kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.RESTRICTED)),
        Case(url_name, GLA_ONLY_404, label="HMAP restricted paper",
             kwargs=lambda w: _paper(w, w.hmap, PaperVisibility.RESTRICTED)),
        Case(url_name, GLA_ONLY_404, label="unpublished MRAP members' paper",
             kwargs=lambda w: _paper(w, w.mrap, PaperVisibility.MEMBERS, published=False)),
        Case(url_name, expect(404, 200, 200, 404, 404, 200), label="BRON members' paper, Camden sits on BRON",
             kwargs=_bron_paper_with_camden_member),
        Case(url_name, NOT_FOUND, label="no such paper", kwargs=lambda w: {"pk": 999999}),
    ]

def _upload_data(world):
    return {"title": "Board paper", "visibility": "members", "body": world.mrap.pk,
            "file": SimpleUploadedFile("paper.pdf", minimal_pdf("Board paper"))}


def _action_data(world):
    due = timezone.localdate() + dt.timedelta(days=14)
    return {"description": "Circulate the briefing", "body": world.mrap.pk,
            "owner_user": world.users["panel_member"].pk, "due_on_0": due.day, "due_on_1": due.month,
            "due_on_2": due.year, "status": "open"}


CASES += [
    Case("partnership:paper_upload", expect(LOGIN, 302, 403, 403, 403, 302), method="post",
         label="upload a paper", data=_upload_data),
    Case("partnership:action_create", expect(LOGIN, 302, 403, 403, 403, 302), method="post",
         label="record an action", data=_action_data),
    Case("partnership:action_edit", expect(LOGIN, 302, 403, 403, 403, 302), method="post",
         label="edit an action", kwargs=lambda w: _action(w, w.mrap), data=_action_data),
]

CASES += [
    Case("partnership:action_list", SIGNED_IN),
    Case("partnership:action_export", SIGNED_IN),
    Case("partnership:my_actions", SIGNED_IN),
    Case("partnership:action_create", GLA_ONLY),
    Case("partnership:action_edit", GLA_ONLY, kwargs=lambda w: _action(w, w.mrap)),
    Case("partnership:action_mark_done", expect(405, 405, 405, 405, 405, 405), label="GET is refused",
         kwargs=_member_owned_action),
    Case("partnership:action_mark_done", expect(LOGIN, 302, 404, 404, 302, 302), method="post",
         label="by the owner (MRAP member)", kwargs=_member_owned_action),
    Case("partnership:action_mark_done", expect(LOGIN, 302, 404, 404, 404, 302), method="post",
         label="someone else's MRAP action", kwargs=lambda w: _action(w, w.mrap)),
    Case("partnership:action_update_create", expect(LOGIN, 200, 404, 404, 200, 200),
         label="the owner (MRAP member)", kwargs=_member_owned_action),
    Case("partnership:action_update_create", GLA_ONLY_SIGNED_IN_404,
         label="someone else's MRAP action", kwargs=lambda w: _action(w, w.mrap)),
    Case("partnership:action_update_create", expect(LOGIN, 302, 404, 404, 302, 302), method="post",
         label="the owner posts an update", kwargs=_member_owned_action,
         data=lambda w: {"note": "Drafted; circulating on Friday.", "status": "in_progress"}),
]

# An organisation's contact user acts as the owner; a colleague at the organisation does not.
CASES += [
    Case("partnership:action_mark_done", expect(LOGIN, 302, 302, 404, 404, 302), method="post",
         label="by Camden's contact (Camden officer)", kwargs=_camden_action_with_camden_officer_as_contact),
    Case("partnership:action_mark_done", expect(LOGIN, 302, 404, 404, 404, 302), method="post",
         label="Camden action with another Camden contact", kwargs=_camden_action_with_a_colleague_as_contact),
    Case("partnership:action_update_create", expect(LOGIN, 200, 200, 404, 404, 200),
         label="Camden's contact (Camden officer)", kwargs=_camden_action_with_camden_officer_as_contact),
    Case("partnership:action_update_create", expect(LOGIN, 302, 302, 404, 404, 302), method="post",
         label="Camden's contact posts an update", kwargs=_camden_action_with_camden_officer_as_contact,
         data=lambda w: {"note": "Places confirmed with admissions.", "status": "in_progress"}),
    Case("partnership:action_update_create", GLA_ONLY_SIGNED_IN_404,
         label="Camden action with another Camden contact", kwargs=_camden_action_with_a_colleague_as_contact),
]

for url_name in ["partnership:action_detail", "partnership:action_history"]:
    CASES += [
        Case(url_name, expect(LOGIN, 200, 200, 404, 404, 200), label="HMAP action, Camden officer as Camden contact",
             kwargs=_camden_action_with_camden_officer_as_contact),
        Case(url_name, GLA_ONLY_SIGNED_IN_404, label="HMAP action, Camden's contact is someone else",
             kwargs=_camden_action_with_a_colleague_as_contact),
        Case(url_name, MRAP_MEMBERS_SIGNED_IN, label="MRAP action", kwargs=lambda w: _action(w, w.mrap)),
        Case(url_name, GLA_ONLY_SIGNED_IN_404, label="HMAP action", kwargs=lambda w: _action(w, w.hmap)),
        Case(url_name, expect(LOGIN, 200, 200, 404, 404, 200), label="HMAP action owned by Camden's officer",
             kwargs=lambda w: _action(w, w.hmap, owner=w.users["borough_a"])),
        Case(url_name, expect(LOGIN, 200, 200, 404, 404, 200), label="BRON action, Camden sits on BRON",
             kwargs=_bron_action_with_camden_member),
        Case(url_name, expect(LOGIN, 404, 404, 404, 404, 404), label="no such action",
             kwargs=lambda w: {"pk": 999999}),
    ]

