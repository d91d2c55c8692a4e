"""An empty POST to a page with a form is a submission: it is answered with the form's errors
(the GOV.UK error summary) or, for a form with nothing to fill in, by doing what it does and
redirecting. Never a blank re-render of the form, never a 500.

The pages come from the access matrix: every GET row that some role may open and whose page
posts a form back to itself, as the role that may do most there. NEEDS_INPUT and
EMPTY_POST_IS_VALID list them, so a new form page fails test_form_pages_are_all_listed until
someone decides which it is (and so tests it)."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.access.matrix import case_url, client_for_case
from tests.access.test_matrix import CASES

ERRORS = "errors"  # 200 with "There is a problem"
DONE = "redirect"  # a form with nothing to fill in: the empty POST is the submission

# Roles from the one who may do most to the one who may do least.
FULLEST_FIRST = ("superuser", "gla_officer", "borough_a", "borough_b", "panel_member", "grantee_a", "provider",
                 "anonymous")

# Pages whose form asks for something: an empty POST is shown the errors.
NEEDS_INPUT = [
    "contact:get",
    # The same form under each language's prefix (tests/access/cases_enquiries.py).
    *[f"contact[{code}]:get" for code in ("ar", "bn", "zh-hans", "el", "gu", "hi", "pa", "tr", "ur", "vi")],
    "funding:decision_create:get",
    "funding:decision_edit[draft]:get",
    "funding:decision_return[awaiting signature]:get",
    "funding:decision_sign[awaiting signature]:get",
    "funding:decision_withdraw[draft]:get",
    "funding:decision_withdraw[awaiting signature]:get",
    "funding:part_add[lines]:get",
    "funding:part_add[risks]:get",
    "funding:part_add[milestones]:get",
    "funding:part_add[items]:get",
    "funding:part_add[relations]:get",
    "funding:part_add[documents]:get",
    "funding:part_edit[lines]:get",
    "funding:part_edit[risks]:get",
    "funding:part_edit[milestones]:get",
    "funding:part_edit[items]:get",
    "funding:part_edit[relations]:get",
    "funding:stream_allocation_add:get",
    "funding:stream_create:get",
    "funding:stream_edit:get",
    "funding:stream_edit[code fixed by a signed decision]:get",
    "partnership:organisation_create:get",
    "partnership:organisation_edit:get",
    "partnership:person_edit:get",
    "partnership:person_edit[a superuser]:get",
    "partnership:body_create:get",
    "partnership:body_edit:get",
    "partnership:membership_create:get",
    "partnership:membership_end:get",
    "partnership:meeting_create:get",
    "partnership:meeting_reschedule:get",
    "partnership:meeting_create_next:get",
    "partnership:agenda_item_create:get",
    "partnership:agenda_item_edit:get",
    "partnership:declaration_create:get",
    "partnership:meeting_decision_create:get",
    "partnership:minutes_edit:get",
    "partnership:paper_upload:get",
    "partnership:paper_edit:get",
    "partnership:action_create:get",
    "partnership:action_edit:get",
    "partnership:action_update_create[the owner (MRAP member)]:get",
    "partnership:action_update_create[someone else's MRAP action]:get",
    "partnership:action_update_create[Camden's contact (Camden officer)]:get",
    "partnership:action_update_create[Camden action with another Camden contact]:get",
    "partnership:notification_preferences:get",
    "resettlement:offer_create:get",
    "resettlement:sponsorship_offer_create:get",
    "resettlement:sponsorship_group_create:get",
    "resettlement:offer_edit:get",
    "resettlement:offer_transition:get",
    "resettlement:arrival_create:get",
    "login:get",
    "password_reset:get",
    "accept_invitation[valid link]:get",
    "partnership:invite:get",
    "esol:round_create:get",
    "esol:round_edit:get",
    "esol:round_funding_add:get",
    "esol:progress_paper_create:get",
    "esol:project_create:get",
    "esol:project_edit:get",
    "esol:return_ad_hoc_create:get",
    "esol:return_answers:get",
    "esol:return_answers[returned]:get",
    "esol:return_review:get",
    "esol:return_dates:get",
    "esol:case_study_create:get",
    "esol:case_study_edit:get",
    "esol:evidence_upload:get",
    "esol:borough_contacts_edit:get",
    "esol:provision_create:get",
    "esol:provision_edit:get",
    "esol:provision_edit[another provider's entry]:get",
    "two_factor_verify[second step pending]:get",
    "two_factor_recovery[second step pending]:get",
    "two_factor_setup[no authenticator]:get",
    "two_factor_setup[second step done]:get",
    "partnership:two_factor_reset[another GLA officer]:get",
    "partnership:two_factor_reset[the officer themselves]:get",
    "partnership:two_factor_reset[the superuser themselves]:get",
    "taskgroups:task_group_create:get",
    "taskgroups:task_group_edit:get",
    "taskgroups:workplan_import:get",
    "taskgroups:site_create:get",
    "taskgroups:site_edit:get",
    "taskgroups:site_issue_create:get",
    "taskgroups:site_issue_create[another task group's site]:get",
    "taskgroups:site_issue_detail:get",
    "taskgroups:site_issue_detail[another task group's site]:get",
    "taskgroups:protocol_create:get",
    "taskgroups:protocol_edit:get",
    "partnership:interest_create:get",
    "partnership:interest_edit:get",
    "partnership:follow:get",
]

# Pages whose form has nothing to fill in: an empty POST does what the page does, on purpose.
EMPTY_POST_IS_VALID = {
    "partnership:follow_confirm[valid link]:get": "confirmation: the button is the whole form",
    "partnership:follow_unsubscribe[valid link]:get": "confirmation: the button is the whole form",
    "partnership:follow_unsubscribe_all[valid link]:get": "confirmation: the button is the whole form",
    "funding:part_delete[lines]:get": "confirmation: the button is the whole form",
    "funding:part_delete[risks]:get": "confirmation: the button is the whole form",
    "funding:part_delete[milestones]:get": "confirmation: the button is the whole form",
    "funding:part_delete[items]:get": "confirmation: the button is the whole form",
    "funding:part_delete[relations]:get": "confirmation: the button is the whole form",
    "funding:part_delete[documents]:get": "confirmation: the button is the whole form",
    "partnership:meeting_cancel[confirm]:get": "confirmation: the button is the whole form",
    "partnership:meeting_postpone:get": "confirmation: the button is the whole form",
    "partnership:meeting_mark_held:get": "confirmation: the button is the whole form",
    "partnership:agenda_item_remove[confirm]:get": "confirmation: the button is the whole form",
    "partnership:interest_end[confirm]:get": "confirmation: the button is the whole form",
    # The signed link carries the answer; the page only asks to confirm it.
    "partnership:attendance_reply_link[confirm apologies]:get": "confirmation: the link carries the reply",
    "partnership:attendance_reply_link[confirm attending]:get": "confirmation: the link carries the reply",
    # Every person's radio group is optional, and a group that is not posted leaves that person's
    # record as it is (AttendanceForm.statuses): an empty POST changes nothing.
    "partnership:attendance_record:get": "nothing posted, nothing changed",
    "partnership:feed_settings:get": "names neither button: nothing changes, and the page says so",
    "resettlement:offer_check_answers:get": "the answers are checked already: the button submits the offer",
    "esol:return_check_answers:get": "the answers are checked already: the button submits the return",
    "esol:project_schedule:get": "confirmation: the button is the whole form",
    "taskgroups:workplan_import_check:get": "check your answers: the button imports the checked spreadsheet",
}

FORM_PAGES = {**dict.fromkeys(NEEDS_INPUT, ERRORS), **dict.fromkeys(EMPTY_POST_IS_VALID, DONE)}

GET_CASES = [case for case in CASES if case.method == "get" and 200 in case.expected.values()]


def _fullest_role(case):
    return next(role for role in FULLEST_FIRST if case.expected.get(role) == 200)


class _SelfPostingForms(HTMLParser):
    def __init__(self, page_path):
        super().__init__()
        self.page_path, self.found = page_path, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            target = urljoin(f"http://testserver{self.page_path}", attrs.get("action") or "")
            self.found = self.found or urlsplit(target).path == self.page_path


def _posts_to_itself(response, path) -> bool:
    if not response["Content-Type"].startswith("text/html"):
        return False  # a download, a feed, a CSV
    parser = _SelfPostingForms(path)
    parser.feed(response.content.decode())
    return parser.found


def _open(case, world, client_for):
    client = client_for_case(case, world.users[_fullest_role(case)], client_for)
    return client, case_url(case, world)


@pytest.mark.parametrize("case", GET_CASES, ids=lambda case: case.id)
def test_form_pages_are_all_listed(case, world, client_for):
    client, url = _open(case, world, client_for)
    response = client.get(url)
    assert response.status_code == 200
    assert _posts_to_itself(response, url) == (case.id in FORM_PAGES), (
        f"{case.id}: list it in NEEDS_INPUT or EMPTY_POST_IS_VALID, or take it out")


@pytest.mark.parametrize("case", [case for case in GET_CASES if case.id in FORM_PAGES], ids=lambda case: case.id)
def test_an_empty_post_is_answered(case, world, client_for):
    client, url = _open(case, world, client_for)
    response = client.post(url, data={})
    if FORM_PAGES[case.id] == DONE:
        assert response.status_code == 302, f"{case.id}: {response.status_code}"
    else:
        assert response.status_code == 200, f"{case.id}: {response.status_code}"
        with translation.override(case.extra.get("language", settings.LANGUAGE_CODE)):
            problem = gettext("There is a problem")
        assert problem in response.content.decode(), f"{case.id}: re-rendered with no error summary"
