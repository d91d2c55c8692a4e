"""Triage transitions, the database's rules, reminders, retention and subject access."""

import csv
import io
import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnership.enquiries.exports import subject_access_csv
from partnership.enquiries.reminders import plan_enquiry_reminders
from partnership.enquiries.services import (
    ACKNOWLEDGEMENT,
    ASSIGNED,
    DUE_SOON,
    OVERDUE,
    enquiries_anonymise_expired,
    enquiry_assign,
    enquiry_close,
    enquiry_mark_spam,
    enquiry_record_response,
    enquiry_submit,
)
from partnership.models import Enquiry, EnquiryKind, EnquiryStatus, Notification, NotificationStatus
from partnership.notifications.registry import planners
from tests.factories.enquiries import EnquiryFactory
from tests.factories.partnership import UserFactory, gla_officer

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def submit(**overrides):
    data = {"kind": EnquiryKind.QUESTION, "name": "Amira Haddad", "email": "amira@example.com",
            "message": "How can we help?"}
    return enquiry_submit(**{**data, **overrides})


@pytest.fixture
def officer():
    return gla_officer(email="officer@example.org", full_name="Gail Officer")


# Transitions ---------------------------------------------------------------------------------

def test_the_whole_way_new_assigned_responded_closed(officer):
    enquiry = submit()
    enquiry = enquiry_assign(enquiry=enquiry, assignee=officer, by=officer)
    assert (enquiry.status, enquiry.assignee) == (EnquiryStatus.ASSIGNED, officer)
    enquiry = enquiry_record_response(enquiry=enquiry, note="Replied with ESOL contacts", by=officer)
    assert enquiry.status == EnquiryStatus.RESPONDED and enquiry.responded_by == officer
    enquiry = enquiry_close(enquiry=enquiry, by=officer)
    assert enquiry.status == EnquiryStatus.CLOSED and enquiry.closed_at


def test_answering_an_unassigned_enquiry_makes_you_its_assignee(officer):
    enquiry = enquiry_record_response(enquiry=submit(), note="Phoned back", by=officer)
    assert enquiry.assignee == officer


@pytest.mark.parametrize(("status", "action"), [
    (EnquiryStatus.NEW, "close"), (EnquiryStatus.CLOSED, "assign"), (EnquiryStatus.CLOSED, "spam"),
    (EnquiryStatus.SPAM, "respond"), (EnquiryStatus.RESPONDED, "spam"), (EnquiryStatus.RESPONDED, "assign"),
])
def test_transitions_that_are_not_allowed(officer, status, action):
    enquiry = submit()
    if status != EnquiryStatus.NEW:
        Enquiry.objects.filter(pk=enquiry.pk).update(status=status, assignee=officer, responded_at=timezone.now(),
                                                     closed_at=timezone.now())
    calls = {
        "close": lambda: enquiry_close(enquiry=enquiry, by=officer),
        "assign": lambda: enquiry_assign(enquiry=enquiry, assignee=officer, by=officer),
        "spam": lambda: enquiry_mark_spam(enquiry=enquiry, by=officer),
        "respond": lambda: enquiry_record_response(enquiry=enquiry, note="x", by=officer),
    }
    with pytest.raises(ValidationError):
        calls[action]()
    assert Enquiry.objects.get(pk=enquiry.pk).status == status


def test_only_a_gla_officer_can_be_assigned(officer, world):
    with pytest.raises(ValidationError, match="GLA officer"):
        enquiry_assign(enquiry=submit(), assignee=world.users["borough_a"], by=officer)
    leaver = gla_officer(email="leaver@example.org")
    leaver.is_active = False
    leaver.save()
    with pytest.raises(ValidationError):
        enquiry_assign(enquiry=submit(), assignee=leaver, by=officer)


def test_a_response_needs_a_note(officer):
    with pytest.raises(ValidationError):
        enquiry_record_response(enquiry=submit(), note="   ", by=officer)


# Database rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("changes", [
    {"status": "archived"},
    {"kind": "complaint"},
    {"accessible_format": "smoke signals"},
    {"status": EnquiryStatus.ASSIGNED},  # assigned without an assignee
    {"status": EnquiryStatus.CLOSED},  # closed without responding or a close time
    {"status": EnquiryStatus.SPAM},  # spam without a time
    {"anonymised_at": timezone.now()},  # anonymised while still open
    {"email": ""},  # open with no address to answer
])
def test_the_database_refuses_inconsistent_enquiries(changes):
    enquiry = EnquiryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Enquiry.objects.filter(pk=enquiry.pk).update(**changes)


def test_references_and_year_numbers_are_unique():
    first = EnquiryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        EnquiryFactory(reference=first.reference)
    with pytest.raises(IntegrityError), transaction.atomic():
        EnquiryFactory(year=first.year, number=first.number)


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_never_share_a_reference():
    """Eight threads, each with its own database connection, send 5 enquiries at once."""
    errors = []
    barrier = threading.Barrier(8)

    def send():
        try:
            barrier.wait()
            for _ in range(5):
                submit()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    numbers = sorted(Enquiry.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 41))


# Reminders -----------------------------------------------------------------------------------

def at(*args):
    return datetime(*args, tzinfo=LONDON)


def test_the_planner_is_registered():
    assert plan_enquiry_reminders in planners()


def test_assignee_is_reminded_a_working_day_before_and_when_overdue(officer):
    colleague = gla_officer(email="colleague@example.org")
    # Received Thursday 2 April 2026: due Monday 13 April (Easter in between).
    enquiry = submit(received_at=at(2026, 4, 2, 10))
    assert enquiry.response_due == date(2026, 4, 13)
    enquiry_assign(enquiry=enquiry, assignee=colleague, by=officer)
    assert Notification.objects.filter(kind=ASSIGNED, recipient_email=colleague.email).count() == 1

    # Nothing before the last working day before the due date (Friday 10 April).
    assert plan_enquiry_reminders(at(2026, 4, 9, 12)) == 0
    assert plan_enquiry_reminders(at(2026, 4, 10, 8)) == 1
    due_soon = Notification.objects.get(kind=DUE_SOON)
    assert due_soon.recipient_email == colleague.email
    assert due_soon.send_after == at(2026, 4, 10, 9)
    # The hourly planner runs again: nothing new, and it does not even try to insert.
    with CaptureQueriesContext(connection) as queries:
        assert plan_enquiry_reminders(at(2026, 4, 10, 10)) == 0
    assert not [q for q in queries.captured_queries if q["sql"].upper().startswith("INSERT")]
    assert plan_enquiry_reminders(at(2026, 4, 13, 10)) == 0
    # Tuesday 14 April it is overdue.
    assert plan_enquiry_reminders(at(2026, 4, 14, 7)) == 1
    overdue = Notification.objects.get(kind=OVERDUE)
    assert overdue.send_after == at(2026, 4, 14, 9) and "Overdue" in overdue.subject
    assert plan_enquiry_reminders(at(2026, 4, 15, 7)) == 0


def test_overdue_after_a_friday_due_date_is_reminded_on_monday(officer):
    # Received Friday 6 March 2026: due Friday 13 March; overdue first working day Monday 16.
    enquiry = enquiry_assign(enquiry=submit(received_at=at(2026, 3, 6, 10)), assignee=officer, by=officer)
    assert enquiry.response_due == date(2026, 3, 13)
    assert plan_enquiry_reminders(at(2026, 3, 14, 10)) == 0  # Saturday: overdue but not a working day
    assert plan_enquiry_reminders(at(2026, 3, 16, 10)) == 1
    assert Notification.objects.filter(kind=OVERDUE).count() == 1


def test_unassigned_answered_and_spam_enquiries_are_not_reminded(officer):
    submit(received_at=at(2026, 3, 2, 10))  # never assigned
    answered = enquiry_assign(enquiry=submit(received_at=at(2026, 3, 2, 10)), assignee=officer, by=officer)
    enquiry_record_response(enquiry=answered, note="Done", by=officer)
    spam = enquiry_assign(enquiry=submit(received_at=at(2026, 3, 2, 10)), assignee=officer, by=officer)
    enquiry_mark_spam(enquiry=spam, by=officer)
    assert plan_enquiry_reminders(at(2026, 3, 12, 10)) == 0


def test_answering_or_reassigning_cancels_pending_reminders(officer):
    colleague = gla_officer(email="colleague@example.org")
    enquiry = enquiry_assign(enquiry=submit(received_at=at(2026, 3, 2, 10)), assignee=colleague, by=officer)
    plan_enquiry_reminders(at(2026, 3, 6, 8))  # the day before Monday 9 March
    assert Notification.objects.get(kind=DUE_SOON).status == NotificationStatus.PENDING
    enquiry_assign(enquiry=enquiry, assignee=officer, by=officer)
    assert Notification.objects.get(kind=DUE_SOON, recipient_email=colleague.email).status == "cancelled"
    assert Notification.objects.get(kind=ASSIGNED).status == "cancelled"
    plan_enquiry_reminders(at(2026, 3, 6, 9))
    assert Notification.objects.get(kind=DUE_SOON, recipient_email=officer.email).status == "pending"
    enquiry_record_response(enquiry=enquiry, note="Replied", by=officer)
    assert not Notification.objects.filter(kind__in=[DUE_SOON, OVERDUE], status="pending").exists()
    # The acknowledgement to the sender is not a reminder: it still goes.
    assert Notification.objects.get(kind=ACKNOWLEDGEMENT).status == "pending"


# Retention -----------------------------------------------------------------------------------

def closed_enquiry(officer, *, closed_at, **fields):
    enquiry = submit(**fields)
    enquiry_record_response(enquiry=enquiry, note="Answered by phone: 07700 900123", by=officer)
    enquiry = enquiry_close(enquiry=enquiry, by=officer)
    Enquiry.objects.filter(pk=enquiry.pk).update(closed_at=closed_at)
    return enquiry


def test_closed_enquiries_are_anonymised_after_the_retention_period(officer, settings):
    settings.ENQUIRY_RETENTION_MONTHS = 12
    now = at(2027, 3, 31, 2, 30)
    old = closed_enquiry(officer, closed_at=at(2026, 3, 30, 12), email="old@example.com", phone="0207",
                         kind=EnquiryKind.OFFER_OF_SUPPORT, offer_types=["accommodation"], offer_where="Brent")
    recent = closed_enquiry(officer, closed_at=at(2026, 4, 1, 12), email="recent@example.com")
    still_open = submit(email="open@example.com", received_at=at(2025, 1, 1, 9))
    old_spam = enquiry_mark_spam(enquiry=submit(email="spam@example.com"), by=officer)
    Enquiry.objects.filter(pk=old_spam.pk).update(closed_at=at(2025, 1, 1, 9))

    assert enquiries_anonymise_expired(now=now) == 2
    old.refresh_from_db()
    assert old.email == "" and old.name == "(anonymised)" and old.message == "" and old.phone == ""
    assert old.offer_where == "" and old.response_note == "" and old.anonymised_at == now
    # What is kept: the reference, kind, dates, status, what kind of offer.
    assert old.reference and old.kind == EnquiryKind.OFFER_OF_SUPPORT and old.status == EnquiryStatus.CLOSED
    assert not Notification.objects.filter(subject_key=old.subject_key).exists()
    assert Enquiry.objects.get(pk=recent.pk).email == "recent@example.com"
    assert Enquiry.objects.get(pk=still_open.pk).anonymised_at is None
    assert Notification.objects.filter(subject_key=recent.subject_key).exists()
    # A second run finds nothing more.
    assert enquiries_anonymise_expired(now=now) == 0


def test_the_retention_period_is_a_setting(officer, settings):
    settings.ENQUIRY_RETENTION_MONTHS = 1
    closed_enquiry(officer, closed_at=timezone.now() - timedelta(days=40))
    assert enquiries_anonymise_expired() == 1


def test_the_beat_runs_anonymisation_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["anonymise-expired-enquiries"]
    assert entry["task"] == "partnership.enquiries.tasks.anonymise_expired_enquiries"
    from partnership.enquiries.tasks import anonymise_expired_enquiries

    assert anonymise_expired_enquiries.name == entry["task"]


# Subject access ------------------------------------------------------------------------------

def test_subject_access_export_holds_everything_for_one_address_neutralised(officer):
    submit(email="Amira@Example.com", name="=HYPERLINK(\"http://evil.example\")", phone="+44 20 7983 4000",
           message="@SUM(1+1) and -2", organisation_name="-cmd")
    submit(email="amira@example.com", kind=EnquiryKind.ACCESSIBLE_FORMAT, document_requested="Annual report",
           accessible_format="audio")
    submit(email="someone.else@example.com", name="Not Amira")
    rows = list(csv.reader(io.StringIO(subject_access_csv("AMIRA@example.com"))))
    enquiry_rows = [row for row in rows if row and row[0] == "Enquiry"]
    email_rows = [row for row in rows if row and row[0] == "Email to this address"]
    assert len(enquiry_rows) == 2 and len(email_rows) == 2
    assert "Not Amira" not in str(rows)
    first = dict(zip(rows[0], enquiry_rows[0], strict=True))
    assert first["Name"] == "'=HYPERLINK(\"http://evil.example\")"
    assert first["Telephone"] == "'+44 20 7983 4000"
    assert first["Message"] == "'@SUM(1+1) and -2"
    assert first["Organisation"] == "'-cmd"
    second = dict(zip(rows[0], enquiry_rows[1], strict=True))
    assert second["Format"] == "Audio" and second["Document requested"] == "Annual report"


def test_a_borough_officer_sees_no_enquiries(world):
    EnquiryFactory()
    assert not Enquiry.objects.visible_to(world.users["borough_a"]).exists()
    assert not Enquiry.objects.visible_to(UserFactory()).exists()
    assert Enquiry.objects.visible_to(world.users["gla_officer"]).count() == 1
    assert Enquiry.objects.visible_to(world.users["superuser"]).count() == 1
