"""Access rows for task groups. Task-group pages are public, as bodies' pages are; workplans
and protocols are their owning body's (GLA officers see all); sites and issue logs are for GLA
officers and the members of the accommodation task groups that follow them.

The world's panel_member belongs to MRAP; the rows below also make them a member of the
healthcare task group (which follows a site) so that a member of one task group meets another
task group's restricted site: 404."""

from django.core.files.uploadedfile import SimpleUploadedFile

from partnership.models import BodyKind
from taskgroups.models import FocusArea
from taskgroups.services.workplan_imports import workplan_import_read
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, SIGNED_IN, Case, expect
from tests.factories.partnership import BodyFactory, MembershipFactory
from tests.factories.taskgroups import (
    ProtocolFactory,
    SiteFactory,
    SiteIssueFactory,
    TaskGroupFactory,
    WorkplanActionFactory,
    WorkplanFactory,
)

MRAP_MEMBERS = expect(LOGIN, 200, 404, 404, 200, 200)
OTHER_BODY = expect(LOGIN, 200, 404, 404, 404, 200)
# A site of the panel member's own task group, and one of another task group.
OWN_SITE = expect(LOGIN, 200, 403, 403, 200, 200)
OTHER_SITE = expect(LOGIN, 200, 403, 403, 404, 200)
NO_SITES = expect(LOGIN, 200, 403, 403, 403, 200)
CSV = "Theme number,Theme title,Core objective,Priority number,Priority title,Year objective,Action,Deadline,Partners\n"


def _task_groups(world):
    """Two accommodation task groups; the panel member sits on the healthcare one."""
    board = BodyFactory(name="London Strategic Migration Partnership board", short_name="LSMP", kind=BodyKind.BOARD)
    health = TaskGroupFactory(body=BodyFactory(name="Healthcare task group", short_name="Health TG",
                                               kind=BodyKind.TASK_GROUP),
                              reports_to=board, focus_area=FocusArea.HEALTHCARE, covers_accommodation_sites=True)
    welfare = TaskGroupFactory(body=BodyFactory(name="Welfare task group", short_name="Welfare TG",
                                                kind=BodyKind.TASK_GROUP),
                               reports_to=board, focus_area=FocusArea.ACCOMMODATION_WELFARE,
                               covers_accommodation_sites=True)
    MembershipFactory(user=world.users["panel_member"], body=health.body)
    return health, welfare


def _task_group(world):
    return {"pk": _task_groups(world)[0].pk}


def _with_membership(world):
    _task_groups(world)
    return {}


def _own_site(world):
    health, _ = _task_groups(world)
    return {"pk": SiteFactory(task_groups=[health]).pk}


def _other_site(world):
    _, welfare = _task_groups(world)
    return {"pk": SiteFactory(task_groups=[welfare]).pk}


def _own_issue(world):
    health, _ = _task_groups(world)
    return {"pk": SiteIssueFactory(site=SiteFactory(task_groups=[health])).pk}


def _other_issue(world):
    _, welfare = _task_groups(world)
    return {"pk": SiteIssueFactory(site=SiteFactory(task_groups=[welfare])).pk}


def _workplan(body_of):
    def make(world):
        workplan = WorkplanFactory(owner_body=body_of(world))
        WorkplanActionFactory(priority__theme__workplan=workplan)
        return {"pk": workplan.pk}

    return make


def _import(world):
    officer = world.users["gla_officer"]
    record = workplan_import_read(
        uploaded_file=SimpleUploadedFile("plan.csv", (CSV + "1,Housing,Access,1.1,Move-on,Faster,"
                                                            "Set up a working group,by May 2011,\n").encode()),
        owner_body=world.mrap, title="Move-on plan", first_year=2011, last_year=2011, default_owner=officer,
        by=officer)
    return {"pk": record.pk}


def _protocol(body_of):
    def make(world):
        return {"pk": ProtocolFactory(owner_body=body_of(world), lead_officer=world.users["gla_officer"]).pk}

    return make


def _mrap(world):
    return world.mrap


def _hmap(world):
    return world.hmap


CASES = [
    Case("taskgroups:task_group_list", PUBLIC),
    Case("taskgroups:task_group_detail", PUBLIC, kwargs=_task_group),
    Case("taskgroups:task_group_create", GLA_ONLY),
    Case("taskgroups:task_group_edit", GLA_ONLY, kwargs=_task_group),
    Case("taskgroups:workplan_list", SIGNED_IN),
    Case("taskgroups:workplan_import", GLA_ONLY),
    # Only the officer who uploaded a spreadsheet confirms it (a superuser included gets 404).
    Case("taskgroups:workplan_import_check", expect(LOGIN, 200, 403, 403, 403, 404), kwargs=_import),
    Case("taskgroups:workplan_detail", MRAP_MEMBERS, kwargs=_workplan(_mrap)),
    Case("taskgroups:workplan_detail", OTHER_BODY, kwargs=_workplan(_hmap), label="another body's workplan"),
    Case("taskgroups:workplan_export_csv", MRAP_MEMBERS, kwargs=_workplan(_mrap)),
    Case("taskgroups:workplan_export_csv", OTHER_BODY, kwargs=_workplan(_hmap), label="another body's workplan"),
    Case("taskgroups:workplan_export_xlsx", MRAP_MEMBERS, kwargs=_workplan(_mrap)),
    Case("taskgroups:workplan_export_xlsx", OTHER_BODY, kwargs=_workplan(_hmap), label="another body's workplan"),
    # No meeting is scheduled, so the officer is sent back to the workplan with the reason.
    Case("taskgroups:workplan_progress_report", expect(LOGIN, 302, 404, 404, 404, 302), kwargs=_workplan(_mrap),
         method="post"),
    Case("taskgroups:site_list", NO_SITES),
    Case("taskgroups:site_list", OWN_SITE, kwargs=_with_membership, label="member of an accommodation task group"),
    Case("taskgroups:site_detail", OWN_SITE, kwargs=_own_site),
    Case("taskgroups:site_detail", OTHER_SITE, kwargs=_other_site, label="another task group's site"),
    Case("taskgroups:site_create", GLA_ONLY),
    Case("taskgroups:site_edit", expect(LOGIN, 200, 403, 403, 403, 200), kwargs=_own_site),
    Case("taskgroups:site_issue_create", OWN_SITE, kwargs=_own_site),
    Case("taskgroups:site_issue_create", OTHER_SITE, kwargs=_other_site, label="another task group's site"),
    Case("taskgroups:site_issue_detail", OWN_SITE, kwargs=_own_issue),
    Case("taskgroups:site_issue_detail", OTHER_SITE, kwargs=_other_issue, label="another task group's site"),
    Case("taskgroups:site_issue_detail", expect(LOGIN, 302, 403, 403, 404, 302), kwargs=_other_issue,
         method="post", data=lambda world: {"note": "Raised with the provider.", "to_status": ""},
         label="another task group's site"),
    Case("taskgroups:protocol_list", SIGNED_IN),
    Case("taskgroups:protocol_detail", MRAP_MEMBERS, kwargs=_protocol(_mrap)),
    Case("taskgroups:protocol_detail", OTHER_BODY, kwargs=_protocol(_hmap), label="another body's protocol"),
    Case("taskgroups:protocol_create", GLA_ONLY),
    Case("taskgroups:protocol_edit", GLA_ONLY, kwargs=_protocol(_mrap)),
]
