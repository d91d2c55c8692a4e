"""Access rows for esol, with the three roles esol adds: grantee_a reports for a Poplar HARCA
project, grantee_b for a Learning Unlimited project, and provider keeps Sutton College's directory
entries. A grantee contact sees their own project and its returns and nothing of another's (404);
rounds and every officer page are the GLA's (403 for other signed-in roles); the directory and the
borough pages are public."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from esol.models import EvidenceFile, ReturnStatus
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, Case, expect, with_esol_roles
from tests.factories.esol import (
    BoroughContactsFactory,
    CaseStudyFactory,
    ProjectFactory,
    ProvisionFactory,
    ReturnFactory,
    answered,
    funded_round,
    spending_line,
    submitted_return,
)
from tests.factories.funding import SignedDecisionFactory, pdf_bytes
from tests.factories.partnership import BodyFactory, MeetingFactory

EVERYONE = with_esol_roles(PUBLIC, 200, 200, 200)
OFFICERS = with_esol_roles(GLA_ONLY, 403, 403, 403)
OFFICER_POST = with_esol_roles(expect(LOGIN, 302, 403, 403, 403, 302), 403, 403, 403)
# Project A's pages: the GLA and grantee_a; grantee_b is a grantee contact, but not of this project.
PROJECT_A = with_esol_roles(expect(LOGIN, 200, 403, 403, 403, 200), 200, 404, 403)
GRANTEES_LIST = with_esol_roles(expect(LOGIN, 200, 403, 403, 403, 200), 200, 200, 403)
# What only project A's reporting contacts do (a GLA officer reads the return, but does not write it).
GRANTEE_A_ONLY = with_esol_roles(expect(LOGIN, 404, 403, 403, 403, 404), 200, 404, 403)
GRANTEE_A_POST = with_esol_roles(expect(LOGIN, 404, 403, 403, 403, 404), 302, 404, 403)
NO_ONE = with_esol_roles(expect(LOGIN, 404, 403, 403, 403, 404), 404, 404, 403)
PROVIDERS = with_esol_roles(expect(LOGIN, 200, 403, 403, 403, 200), 403, 403, 200)
OWN_ENTRY = with_esol_roles(expect(LOGIN, 200, 403, 403, 403, 200), 403, 403, 200)
OWN_ENTRY_POST = with_esol_roles(expect(LOGIN, 302, 403, 403, 403, 302), 403, 403, 302)
OTHERS_ENTRY = with_esol_roles(expect(LOGIN, 200, 403, 403, 403, 200), 403, 403, 404)


def project_a(world, **fields):
    contact = world.users["grantee_a"]
    return ProjectFactory(lead_organisation=contact.organisation, contacts=[contact],
                          title="Poplar HARCA ESOL with a crèche", **fields)


def _round(world):
    return {"pk": funded_round("80000.00", name="ESOL Plus Childcare").pk}


def _round_funding(world):
    round_ = funded_round("80000.00")
    return {"pk": round_.pk, "funding_pk": round_.funding.get().pk}


def _round_with_board_meeting(world):
    board = BodyFactory(short_name="LSMP", name="London Strategic Migration Partnership board")
    MeetingFactory(body=board, starts_at=timezone.now() + dt.timedelta(days=21))
    return _round(world)


def _project(world):
    world.users["grantee_b"]  # a grantee contact of another project, who must not see this one
    return {"pk": project_a(world).pk}


def _return(status, **fields):
    def make(world):
        project = project_a(world)
        if status == ReturnStatus.DRAFT:
            return {"pk": ReturnFactory(project=project, **fields).pk}
        return {"pk": submitted_return(project=project, status=status, **fields).pk}

    return make


def _answered_draft(world):
    return {"pk": ReturnFactory(project=project_a(world), **answered()).pk}


def _case_study(world):
    case_study = CaseStudyFactory(monitoring_return=ReturnFactory(project=project_a(world)))
    return {"pk": case_study.monitoring_return_id, "case_pk": case_study.pk}


def _evidence(status):
    def make(world):
        monitoring_return = (ReturnFactory(project=project_a(world)) if status == ReturnStatus.DRAFT
                             else submitted_return(project=project_a(world), status=status))
        evidence = EvidenceFile.objects.create(
            monitoring_return=monitoring_return, title="Attendance summary", original_filename="attendance.pdf",
            file=ContentFile(pdf_bytes("Attendance"), name="attendance.pdf"), content_type="application/pdf",
            size_bytes=len(pdf_bytes("Attendance")))
        return {"pk": monitoring_return.pk, "evidence_pk": evidence.pk}

    return make


def _decision_funding_a_round(world):
    decision = SignedDecisionFactory(reference_code="ADD2388", title="Social Integration ESOL Plus project spending")
    round_ = funded_round("25000.00", line=spending_line("25000.00", decision=decision), name="ESOL Plus Arts")
    project_a(world, round=round_, grant_awarded=Decimal("20000.00"))
    return {"code": decision.reference_code}


def _own_entry(world):
    return {"pk": ProvisionFactory(provider=world.users["provider"].organisation, borough=world.camden).pk}


def _others_entry(world):
    world.users["provider"]
    return {"pk": ProvisionFactory(borough=world.hackney).pk}


def _borough(world):
    BoroughContactsFactory(borough=world.camden)
    return {"gss_code": world.camden.gss_code}


CASES = [
    Case("esol:index", EVERYONE),
    # The chain: a signed decision's public page lists the rounds it funds (linked for the GLA).
    Case("funding:decision_detail", EVERYONE, kwargs=_decision_funding_a_round, label="funds an ESOL Plus round"),
    # Rounds: the GLA's
    Case("esol:round_list", OFFICERS),
    Case("esol:round_create", OFFICERS),
    Case("esol:round_detail", OFFICERS, kwargs=_round),
    Case("esol:round_edit", OFFICERS, kwargs=_round),
    Case("esol:round_funding_add", OFFICERS, kwargs=_round),
    # Taking away the funding the budget needs is refused: back to the round, saying why.
    Case("esol:round_funding_remove", OFFICER_POST, kwargs=_round_funding, method="post"),
    Case("esol:round_figures", OFFICERS, kwargs=_round),
    Case("esol:round_figures_export", OFFICERS, kwargs=_round),
    Case("esol:progress_paper_create", OFFICERS, kwargs=_round_with_board_meeting),
    Case("esol:project_create", OFFICERS, kwargs=_round),
    # Projects: the GLA's all, a grantee contact's own
    Case("esol:project_list", GRANTEES_LIST),
    Case("esol:project_detail", PROJECT_A, kwargs=_project),
    Case("esol:project_figures_export", PROJECT_A, kwargs=_project),
    Case("esol:project_edit", OFFICERS, kwargs=_project),
    Case("esol:project_schedule", OFFICERS, kwargs=_project),
    Case("esol:return_ad_hoc_create", OFFICERS, kwargs=_project),
    # Returns
    Case("esol:return_list", GRANTEES_LIST),
    Case("esol:return_detail", PROJECT_A, kwargs=_return(ReturnStatus.DRAFT)),
    Case("esol:return_detail", PROJECT_A, kwargs=_return(ReturnStatus.RETURNED), label="returned"),
    Case("esol:return_answers", GRANTEE_A_ONLY, kwargs=_return(ReturnStatus.DRAFT)),
    Case("esol:return_answers", GRANTEE_A_ONLY, kwargs=_return(ReturnStatus.RETURNED), label="returned"),
    Case("esol:return_answers", NO_ONE, kwargs=_return(ReturnStatus.SUBMITTED), label="submitted is fixed"),
    Case("esol:return_check_answers", GRANTEE_A_ONLY, kwargs=_answered_draft),
    Case("esol:return_review", OFFICERS, kwargs=_return(ReturnStatus.SUBMITTED)),
    Case("esol:return_review", with_esol_roles(expect(LOGIN, 404, 403, 403, 403, 404), 403, 403, 403),
         kwargs=_return(ReturnStatus.DRAFT), label="nothing to review in a draft"),
    Case("esol:return_dates", OFFICERS, kwargs=_return(ReturnStatus.DRAFT)),
    Case("esol:return_dates", with_esol_roles(expect(LOGIN, 404, 403, 403, 403, 404), 403, 403, 403),
         kwargs=_return(ReturnStatus.ACCEPTED), label="accepted dates are fixed"),
    Case("esol:case_study_create", GRANTEE_A_ONLY, kwargs=_return(ReturnStatus.DRAFT)),
    Case("esol:case_study_edit", GRANTEE_A_ONLY, kwargs=_case_study),
    Case("esol:case_study_delete", GRANTEE_A_POST, kwargs=_case_study, method="post"),
    Case("esol:evidence_upload", GRANTEE_A_ONLY, kwargs=_return(ReturnStatus.DRAFT)),
    Case("esol:evidence_download", PROJECT_A, kwargs=_evidence(ReturnStatus.SUBMITTED)),
    Case("esol:evidence_delete", GRANTEE_A_POST, kwargs=_evidence(ReturnStatus.DRAFT), method="post"),
    Case("esol:evidence_delete", NO_ONE, kwargs=_evidence(ReturnStatus.SUBMITTED), method="post",
         label="submitted is fixed"),
    # The public directory, and the entries providers and officers keep
    Case("esol:provision_directory", EVERYONE),
    Case("esol:provision_export", EVERYONE),
    Case("esol:provision_detail", EVERYONE, kwargs=_own_entry),
    Case("esol:borough_list", EVERYONE),
    Case("esol:borough_detail", EVERYONE, kwargs=_borough),
    Case("esol:borough_contacts_edit", OFFICERS, kwargs=_borough),
    Case("esol:provision_manage", PROVIDERS),
    Case("esol:provision_create", PROVIDERS),
    Case("esol:provision_edit", OWN_ENTRY, kwargs=_own_entry),
    Case("esol:provision_edit", OTHERS_ENTRY, kwargs=_others_entry, label="another provider's entry"),
    Case("esol:provision_checked", OWN_ENTRY_POST, kwargs=_own_entry, method="post"),
    Case("esol:provision_checked", with_esol_roles(expect(LOGIN, 302, 403, 403, 403, 302), 403, 403, 404),
         kwargs=_others_entry, method="post", label="another provider's entry"),
]
