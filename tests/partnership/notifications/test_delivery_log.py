"""The delivery log: GLA officers only, filters, pagination, flat query count, retry."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.views import LOG_PAGE_SIZE
from tests.factories.partnership import UserFactory, gla_officer
from tests.factories.reminders import NotificationFactory
from tests.support.pagination import (
    assert_bad_pages_answer,
    assert_flat_query_count_across_pages,
    assert_second_page,
)
from tests.support.two_factor import sign_in_fully

URL = "/notifications/"


@pytest.fixture
def officer_client(client, db):
    sign_in_fully(client, gla_officer(email="officer@example.org"))
    return client


def test_url_is_where_the_log_is():
    assert reverse("partnership:notification_log") == URL


def test_query_count_is_flat_across_sizes_and_pages(officer_client):
    def make_rows(n):
        for _ in range(n):
            NotificationFactory(status=NotificationStatus.FAILED, attempts=5, last_error="refused")
    small, large, page_two = assert_flat_query_count_across_pages(officer_client, URL, make_rows,
                                                                  per_page=LOG_PAGE_SIZE)
    assert "5 emails." in small.text
    assert "Showing 1 to 50 of 55 emails." in large.text
    assert large.text.count("Retry<span") == LOG_PAGE_SIZE == 50
    assert page_two.text.count("Retry<span") == 5


def test_filters_by_status_kind_recipient_and_dates(officer_client):
    now = timezone.now()
    NotificationFactory(kind="meeting.reminder", recipient_email="ann@example.org", status=NotificationStatus.SENT,
                        sent_at=now, send_after=now - dt.timedelta(days=10))
    NotificationFactory(kind="paper.published", recipient_email="bob@example.org", send_after=now)
    NotificationFactory(kind="action.overdue", recipient_email="cat@example.org", status=NotificationStatus.FAILED)

    def listed(**query):
        response = officer_client.get(URL, query)
        assert response.status_code == 200
        return {e for e in ("ann@", "bob@", "cat@") if e in response.text}

    assert listed() == {"ann@", "bob@", "cat@"}
    assert listed(status="sent") == {"ann@"}
    assert listed(kind="paper.published") == {"bob@"}
    assert listed(recipient="CAT") == {"cat@"}
    assert listed(due_to=(now - dt.timedelta(days=5)).date().isoformat()) == {"ann@"}
    assert listed(due_from=(now - dt.timedelta(days=5)).date().isoformat()) == {"bob@", "cat@"}


@pytest.mark.parametrize("query", [{"status": "lost"}, {"due_from": "31/02/2026"}, {"page": "abc"},
                                   {"page": "99999"}, {"kind": "<script>"}, {"recipient": "x" * 5000}])
def test_nasty_queries_answer_without_a_500(officer_client, query):
    NotificationFactory()
    response = officer_client.get(URL, query)
    assert response.status_code == 200
    if set(query) & {"status", "due_from", "kind"}:
        assert "govuk-error-summary" in response.text
        assert response.text.count("<title>Error: ") == 1


def test_pages_of_fifty(officer_client):
    for _ in range(51):
        NotificationFactory()
    first = officer_client.get(URL)
    second = officer_client.get(URL, {"page": 2, "status": ""})
    assert "Showing 1 to 50 of 51 emails." in first.text and "Showing 51 to 51 of 51 emails." in second.text
    assert 'aria-label="Pages of the delivery log"' in second.text
    assert 'href="?status=&amp;page=1" rel="prev"' in second.text


def test_page_two_keeps_the_filters(officer_client):
    for _ in range(LOG_PAGE_SIZE + 3):
        NotificationFactory(kind="paper.published", status=NotificationStatus.FAILED, recipient_email="ann@example.org")
    NotificationFactory(kind="paper.published", status=NotificationStatus.SENT, recipient_email="ann@example.org",
                        sent_at=timezone.now())
    NotificationFactory(kind="meeting.reminder", status=NotificationStatus.FAILED, recipient_email="ann@example.org")
    filters = "status=failed&kind=paper.published&recipient=ANN&due_from=2000-01-01"
    body = officer_client.get(f"{URL}?{filters}&page=2").text
    assert_second_page(body, filters, summary="Showing 51 to 53 of 53 emails.", label="Pages of the delivery log")
    assert body.count("Retry<span") == 3


def test_bad_page_values_answer_200(officer_client):
    for _ in range(LOG_PAGE_SIZE + 1):
        NotificationFactory(status=NotificationStatus.FAILED)
    assert_bad_pages_answer(officer_client, f"{URL}?status=failed")
    assert_bad_pages_answer(officer_client, f"{URL}?status=lost")  # an invalid filter is left out


def test_an_invalid_filter_is_reported_beside_its_field_and_the_valid_ones_still_apply(officer_client):
    """As on the action and offer lists: the bad value gets the GOV.UK error message and summary,
    the list is what the valid filters select, and the typed value stays in the box."""
    now = timezone.now()
    NotificationFactory(recipient_email="ann@example.org", status=NotificationStatus.FAILED, send_after=now)
    NotificationFactory(recipient_email="bob@example.org", status=NotificationStatus.SENT, sent_at=now,
                        send_after=now)
    response = officer_client.get(URL, {"status": "failed", "due_from": "31/02/2026"})
    assert response.status_code == 200
    page = response.text
    assert page.count("<title>Error: ") == 1
    assert 'class="govuk-error-summary"' in page and 'href="#id_due_from"' in page
    assert 'id="due_from-error"' in page and 'aria-describedby="due_from-error"' in page
    assert 'value="31/02/2026"' in page
    assert "ann@example.org" in page and "bob@example.org" not in page
    assert "1 email." in page


def test_an_invalid_choice_is_reported_and_the_other_filters_apply(officer_client):
    NotificationFactory(recipient_email="ann@example.org", kind="paper.published")
    NotificationFactory(recipient_email="bob@example.org", kind="paper.published")
    page = officer_client.get(URL, {"status": "lost", "recipient": "ANN"}).text
    assert 'href="#id_status"' in page and 'id="status-error"' in page
    assert "ann@example.org" in page and "bob@example.org" not in page


def test_retry_puts_a_failed_email_back_in_the_queue(officer_client):
    failed = NotificationFactory(status=NotificationStatus.FAILED, attempts=5)
    response = officer_client.post(reverse("partnership:notification_retry", args=[failed.pk]), follow=True)
    assert "is queued again" in response.text
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (NotificationStatus.PENDING, 0)
    sent = NotificationFactory(status=NotificationStatus.SENT, sent_at=timezone.now())
    response = officer_client.post(reverse("partnership:notification_retry", args=[sent.pk]), follow=True)
    assert "Only a failed email can be retried" in response.text
    assert Notification.objects.get(pk=sent.pk).status == NotificationStatus.SENT


def test_other_people_cannot_see_or_retry(client, db):
    failed = NotificationFactory(status=NotificationStatus.FAILED)
    client.force_login(UserFactory(), backend="partnership.auth_backends.AccountBackend")
    assert client.get(URL).status_code == 403
    assert client.post(reverse("partnership:notification_retry", args=[failed.pk])).status_code == 403
    assert Notification.objects.get(pk=failed.pk).status == NotificationStatus.FAILED


def test_dashboard_shows_email_settings_and_for_officers_the_failed_count(officer_client):
    NotificationFactory(status=NotificationStatus.FAILED)
    NotificationFactory()
    page = officer_client.get("/dashboard/")
    assert "1 failed, 1 waiting" in page.text
    assert "One email for each notice" in page.text
