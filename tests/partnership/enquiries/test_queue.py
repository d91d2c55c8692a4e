"""The Migration Team's queue: filters, the detail page, actions and the subject access export."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.enquiries.views import QUEUE_PAGE_SIZE
from partnership.models import Enquiry, EnquiryKind, EnquiryStatus
from tests.factories.enquiries import EnquiryFactory
from tests.factories.partnership import gla_officer
from tests.support.pagination import (
    assert_bad_pages_answer,
    assert_flat_query_count_across_pages,
    assert_second_page,
)
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db
LIST = "/enquiries/"


@pytest.fixture
def officer_client(world, client_for):
    return client_for(world.users["gla_officer"])


def refs(response):
    return {enquiry.reference for enquiry in response.context["pagination"].page.object_list}


def test_the_queue_keeps_a_flat_query_count_across_sizes_and_pages(officer_client, world):
    colleague = gla_officer(email="colleague@example.org")

    def make_rows(n):
        for i in range(n):
            EnquiryFactory(assignee=colleague if i % 2 else None,
                           status=EnquiryStatus.ASSIGNED if i % 2 else EnquiryStatus.NEW,
                           borough=world.camden if i % 3 else None)

    small, large, page_two = assert_flat_query_count_across_pages(officer_client, LIST, make_rows,
                                                                  per_page=QUEUE_PAGE_SIZE)
    assert len(large.context["pagination"].page.object_list) == QUEUE_PAGE_SIZE == 50
    assert "Showing 1 to 50 of 55 enquiries" in large.text
    assert "Showing 51 to 55 of 55 enquiries" in page_two.text


def test_page_two_of_the_queue_keeps_the_filters(officer_client, world):
    officer = world.users["gla_officer"]
    EnquiryFactory.create_batch(QUEUE_PAGE_SIZE + 4, kind=EnquiryKind.OFFER_OF_SUPPORT,
                                status=EnquiryStatus.ASSIGNED, assignee=officer)
    EnquiryFactory.create_batch(3, kind=EnquiryKind.QUESTION, status=EnquiryStatus.ASSIGNED, assignee=officer)
    EnquiryFactory.create_batch(3, kind=EnquiryKind.OFFER_OF_SUPPORT)
    filters = f"kind={EnquiryKind.OFFER_OF_SUPPORT}&status=open&assignee={officer.pk}"
    response = officer_client.get(f"{LIST}?{filters}&page=2")
    assert_second_page(response.text, filters, summary="Showing 51 to 54 of 54 enquiries",
                       label="Pages of enquiries")
    assert len(refs(response)) == 4


def test_bad_page_values_answer_200(officer_client):
    EnquiryFactory.create_batch(QUEUE_PAGE_SIZE + 1, kind=EnquiryKind.OFFER_OF_SUPPORT)
    assert_bad_pages_answer(officer_client, f"{LIST}?kind={EnquiryKind.OFFER_OF_SUPPORT}")
    assert "Showing 51 to 51 of 51 enquiries" in officer_client.get(f"{LIST}?page=99999").text


def test_one_page_keeps_the_plain_count(officer_client):
    EnquiryFactory()
    body = officer_client.get(LIST).text
    assert '<p class="govuk-body">1 enquiry</p>' in body and "govuk-pagination" not in body


def test_filters_by_kind_status_assignee_and_overdue(officer_client, world):
    officer = world.users["gla_officer"]
    today = timezone.localdate()
    offer = EnquiryFactory(kind=EnquiryKind.OFFER_OF_SUPPORT)
    late = EnquiryFactory(response_due=today - timedelta(days=1))
    mine = EnquiryFactory(status=EnquiryStatus.ASSIGNED, assignee=officer)
    due_today = EnquiryFactory(response_due=today)
    late_but_answered = EnquiryFactory(status=EnquiryStatus.RESPONDED, assignee=officer,
                                       responded_at=timezone.now(), response_due=today - timedelta(days=3))
    assert refs(officer_client.get(LIST, {"kind": "offer"})) == {offer.reference}
    assert refs(officer_client.get(LIST, {"assignee": officer.pk})) == {mine.reference, late_but_answered.reference}
    assert refs(officer_client.get(LIST, {"overdue": "true"})) == {late.reference}
    assert due_today.reference not in refs(officer_client.get(LIST, {"overdue": "true"}))
    assert refs(officer_client.get(LIST, {"status": "responded"})) == {late_but_answered.reference}
    assert late_but_answered.reference not in refs(officer_client.get(LIST, {"status": "open"}))
    assert len(refs(officer_client.get(LIST))) == 5
    page = officer_client.get(LIST, {"overdue": "true"}).content.decode()
    assert "govuk-tag--red" in page


@pytest.mark.parametrize("query", [{"status": "nonsense"}, {"assignee": "abc"}, {"assignee": "99999"},
                                   {"kind": "<script>"}, {"page": "-1"}, {"page": "zzz"}, {"overdue": "maybe"},
                                   {"name": "x"}])
def test_odd_filters_never_break_the_queue(officer_client, query):
    EnquiryFactory()
    response = officer_client.get(LIST, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_detail_shows_what_was_sent_escaped(officer_client):
    enquiry = EnquiryFactory(name="<img src=x onerror=alert(1)>", message="Line one\n<b>bold?</b>",
                             kind=EnquiryKind.OFFER_OF_SUPPORT, offer_types=["accommodation", "other"],
                             offer_other="Van", offer_where="Barnet")
    html = officer_client.get(reverse("partnership:enquiry_detail", args=[enquiry.pk])).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "Accommodation, Something else: Van" in html and "Barnet" in html


def test_assign_respond_close_through_the_pages(officer_client, world):
    officer = world.users["gla_officer"]
    enquiry = EnquiryFactory()
    base = f"/enquiries/{enquiry.pk}/"
    response = officer_client.post(base + "assign/", {"assignee": officer.pk}, follow=True)
    assert "is assigned to Gail Officer" in response.content.decode()
    response = officer_client.post(base + "respond/", {"note": ""})
    assert response.status_code == 400 and "Say how the enquiry was answered" in response.content.decode()
    assert response.content.decode().count("<title>Error: ") == 1
    officer_client.post(base + "respond/", {"note": "Emailed the borough's contact"})
    response = officer_client.post(base + "close/", follow=True)
    assert "is closed" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.CLOSED and enquiry.closed_by == officer


def test_a_refused_transition_is_explained_not_a_500(officer_client):
    enquiry = EnquiryFactory()
    response = officer_client.post(f"/enquiries/{enquiry.pk}/close/", follow=True)
    assert response.status_code == 200
    assert "cannot become closed" in response.content.decode()
    assert Enquiry.objects.get(pk=enquiry.pk).status == EnquiryStatus.NEW


def test_marking_spam(officer_client):
    enquiry = EnquiryFactory()
    officer_client.post(f"/enquiries/{enquiry.pk}/spam/")
    assert Enquiry.objects.get(pk=enquiry.pk).status == EnquiryStatus.SPAM


def test_subject_access_download(officer_client):
    EnquiryFactory(email="amira@example.com", name="=cmd|' /C calc'!A0")
    EnquiryFactory(email="other@example.com")
    response = officer_client.get("/enquiries/subject-access/", {"email": "amira@example.com"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="subject-access-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    enquiries = [row for row in rows if row and row[0] == "Enquiry"]
    assert len(enquiries) == 1 and enquiries[0][4] == "'=cmd|' /C calc'!A0"


def test_subject_access_with_a_bad_address_shows_the_error(officer_client):
    response = officer_client.get("/enquiries/subject-access/", {"email": "nope"})
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in response.content.decode()


def test_navigation_entries(client_for, world):
    public = client_for(None).get("/").content.decode()
    assert 'href="/contact/"' in public and 'href="/enquiries/"' not in public
    officer = client_for(world.users["gla_officer"]).get("/").content.decode()
    assert 'href="/enquiries/"' in officer
    borough = client_for(world.users["borough_a"]).get("/").content.decode()
    assert 'href="/enquiries/"' not in borough


def test_home_page_get_in_touch_links_to_the_form(client):
    html = client.get("/").content.decode()
    section = html.split("Get in touch", 1)[1]
    assert 'href="/contact/"' in section.split("</p>", 1)[0]


def test_privacy_notice_says_what_why_who_and_how_long(client, settings):
    settings.ENQUIRY_RETENTION_MONTHS = 18
    html = client.get("/privacy/").content.decode()
    for heading in ["What we collect and why", "Who sees it", "How long we keep it"]:
        assert heading in html
    assert "18 months after it is closed" in html
    assert "close your message; 18 months later we remove" in client.get("/contact/").content.decode()


def test_dashboard_panel_counts_for_officers_only(client_for, world):
    officer = world.users["gla_officer"]
    today = timezone.localdate()
    EnquiryFactory(response_due=today - timedelta(days=1))
    EnquiryFactory(status=EnquiryStatus.ASSIGNED, assignee=officer)
    EnquiryFactory(status=EnquiryStatus.SPAM, closed_at=timezone.now())
    panels = client_for(officer).get("/dashboard/").context["panels"]
    rows = {label: value for label, value, _ in next(p for p in panels if p["title"] == "Public enquiries")["rows"]}
    assert rows == {"Open": "2 open enquiries", "Overdue": "1 enquiry past the reply-by date",
                    "Not yet assigned": "1 enquiry not yet assigned", "Assigned to you": "1 open enquiry"}
    borough = client_for(world.users["borough_a"]).get("/dashboard/").context["panels"]
    assert not [p for p in borough if p["title"] == "Public enquiries"]


def test_dashboard_keeps_a_flat_query_count(client_for, world):
    client = client_for(world.users["gla_officer"])
    assert_flat_query_count(client, "/dashboard/", lambda n: EnquiryFactory.create_batch(n))


def test_a_long_message_is_not_cut_by_the_browser(client):
    html = client.get("/contact/").content.decode()
    textarea = html[html.index("<textarea"): html.index(">", html.index("<textarea"))]
    assert "maxlength" not in textarea
    assert 'data-maxlength="5000"' in html
