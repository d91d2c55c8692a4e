"""Public enquiries: receiving one, and the Migration Team's triage.

Status moves new -> assigned -> responded -> closed, or to spam from new or assigned; the
transitions are checked here and the valid statuses by the database. Every email is an outbox
row written in the same transaction, so an enquiry is saved (and acknowledged later) even
when the broker or the worker is down."""

import logging
from calendar import monthrange
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from partnership.common.working_days import add_working_days
from partnership.enquiries.rules import ENQUIRY_MACHINE
from partnership.models import Enquiry, EnquiryCounter, EnquiryKind, EnquiryStatus, Notification, NotificationStatus
from partnership.models.enquiries import FINISHED_STATUSES
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue
from partnership.search.services import search_index, search_refresh

logger = logging.getLogger(__name__)

RESPONSE_WORKING_DAYS = 5
ACKNOWLEDGEMENT = "enquiry.acknowledgement"
ASSIGNED = "enquiry.assigned"
DUE_SOON = "enquiry.due_soon"
OVERDUE = "enquiry.overdue"
REMINDER_KINDS = (ASSIGNED, DUE_SOON, OVERDUE)

def response_due_for(received_at: datetime):
    """5 working days after the day of receipt (London time), bank holidays excluded."""
    return add_working_days(timezone.localtime(received_at).date(), RESPONSE_WORKING_DAYS)


def _next_number(year: int) -> int:
    """Takes the next number of the year under a row lock (SQLite: the write transaction
    itself is exclusive), so concurrent enquiries never get the same reference. The unique
    constraints on reference and (year, number) stand behind this."""
    EnquiryCounter.objects.get_or_create(year=year)
    counter = EnquiryCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def format_reference(year: int, number: int) -> str:
    return f"ENQ-{year}-{number:05d}"


def enquiry_submit(*, kind: str, name: str, email: str, message: str, phone: str = "",
                   organisation_name: str = "", borough=None, offer_types=(), offer_other: str = "",
                   offer_where: str = "", document_requested: str = "", accessible_format: str = "",
                   accessible_format_other: str = "", assistive_technology: str = "",
                   language: str = "en-gb", reply_language: str = "",
                   received_at: datetime | None = None) -> Enquiry:
    """Saves an enquiry sent through the public form and queues its acknowledgement, in the
    language the sender asked us to reply in (by default the language of the form they used).

    Only the fields of the chosen kind are kept: what someone typed into another kind's
    fields before changing their mind is not ours to hold."""
    received_at = received_at or timezone.now()
    reply_language = reply_language or language
    if kind != EnquiryKind.OFFER_OF_SUPPORT:
        offer_types, offer_other, offer_where = [], "", ""
    if kind != EnquiryKind.ACCESSIBLE_FORMAT:
        document_requested, accessible_format, accessible_format_other, assistive_technology = "", "", "", ""
    year = timezone.localtime(received_at).year
    with transaction.atomic():
        number = _next_number(year)
        enquiry = Enquiry.objects.create(
            reference=format_reference(year, number), year=year, number=number, kind=kind,
            name=name, email=email, phone=phone, organisation_name=organisation_name, borough=borough,
            message=message, consent_given_at=received_at, offer_types=list(offer_types),
            offer_other=offer_other if "other" in offer_types else "", offer_where=offer_where,
            document_requested=document_requested, accessible_format=accessible_format,
            accessible_format_other=accessible_format_other if accessible_format == "other" else "",
            assistive_technology=assistive_technology, received_at=received_at,
            language=language, reply_language=reply_language,
            response_due=response_due_for(received_at),
        )
        search_index(enquiry)
        _enqueue_acknowledgement(enquiry)
    return enquiry


def _enqueue_acknowledgement(enquiry: Enquiry) -> None:
    """The acknowledgement, written in the reply language: its words, its date and the link to
    the privacy notice in that language."""
    with translation.override(enquiry.reply_language):
        context = {"enquiry": enquiry, "privacy_url": portal_link(reverse("privacy"))}
        subject = gettext("We have your message: reference %(reference)s") % {"reference": enquiry.reference}
        body_text = render_to_string("partnership/enquiries/email/acknowledgement.txt", context)
    notification_enqueue(
        kind=ACKNOWLEDGEMENT, subject_key=enquiry.subject_key, slot="received",
        recipient_email=enquiry.email, subject=subject, body_text=body_text,
    )


def _check_transition(enquiry: Enquiry, to: EnquiryStatus) -> None:
    ENQUIRY_MACHINE.check(enquiry.status, to, message=(
        f"An enquiry that is {enquiry.get_status_display().lower()} cannot become {to.label.lower()}."))


def _locked(enquiry: Enquiry) -> Enquiry:
    """The current row, locked: two officers acting at once are applied one after the other."""
    return Enquiry.objects.select_for_update().get(pk=enquiry.pk)


def _cancel_reminders(enquiry: Enquiry, *, except_recipient: str | None = None) -> int:
    pending = Notification.objects.filter(subject_key=enquiry.subject_key, kind__in=REMINDER_KINDS,
                                          status=NotificationStatus.PENDING)
    if except_recipient:
        pending = pending.exclude(recipient_email=except_recipient)
    return pending.update(status=NotificationStatus.CANCELLED)


def reminder_context(enquiry: Enquiry) -> dict:
    return {"enquiry": enquiry,
            "url": portal_link(reverse("partnership:enquiry_detail", args=[enquiry.pk]))}


def enquiry_assign(*, enquiry: Enquiry, assignee, by) -> Enquiry:
    if not (assignee.is_active and assignee.is_gla_officer):
        raise ValidationError("Enquiries can only be assigned to a GLA officer.")
    with transaction.atomic():
        enquiry = _locked(enquiry)
        _check_transition(enquiry, EnquiryStatus.ASSIGNED)
        enquiry.status = EnquiryStatus.ASSIGNED
        enquiry.assignee = assignee
        enquiry.assigned_at = timezone.now()
        enquiry.save(update_fields=["status", "assignee", "assigned_at"])
        # A reassigned enquiry stops reminding the previous officer.
        _cancel_reminders(enquiry, except_recipient=assignee.email)
        if assignee != by:
            notification_enqueue(
                kind=ASSIGNED, subject_key=enquiry.subject_key, recipient=assignee,
                slot=f"assigned-{enquiry.assigned_at.isoformat()}",
                subject=f"Enquiry {enquiry.reference} is assigned to you",
                body_text=render_to_string("partnership/enquiries/email/assigned.txt",
                                           reminder_context(enquiry)))
    return enquiry


def enquiry_record_response(*, enquiry: Enquiry, note: str, by) -> Enquiry:
    """Records that the team has answered. An officer answering an unassigned enquiry
    becomes its assignee."""
    if not note.strip():
        raise ValidationError("Say how the enquiry was answered.")
    with transaction.atomic():
        enquiry = _locked(enquiry)
        _check_transition(enquiry, EnquiryStatus.RESPONDED)
        if enquiry.assignee_id is None:
            enquiry.assignee, enquiry.assigned_at = by, timezone.now()
        enquiry.status = EnquiryStatus.RESPONDED
        enquiry.response_note = note
        enquiry.responded_at = timezone.now()
        enquiry.responded_by = by
        enquiry.save(update_fields=["status", "assignee", "assigned_at", "response_note",
                                    "responded_at", "responded_by"])
        _cancel_reminders(enquiry)
    return enquiry


def _finish(enquiry: Enquiry, to: EnquiryStatus, by) -> Enquiry:
    with transaction.atomic():
        enquiry = _locked(enquiry)
        _check_transition(enquiry, to)
        enquiry.status = to
        enquiry.closed_at = timezone.now()
        enquiry.closed_by = by
        enquiry.save(update_fields=["status", "closed_at", "closed_by"])
        _cancel_reminders(enquiry)
    return enquiry


def enquiry_close(*, enquiry: Enquiry, by) -> Enquiry:
    return _finish(enquiry, EnquiryStatus.CLOSED, by)


def enquiry_mark_spam(*, enquiry: Enquiry, by) -> Enquiry:
    return _finish(enquiry, EnquiryStatus.SPAM, by)


# Retention -----------------------------------------------------------------------------------

def _months_before(moment: datetime, months: int) -> datetime:
    year, month_index = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month = month_index + 1
    return moment.replace(year=year, month=month, day=min(moment.day, monthrange(year, month)[1]))


ANONYMISED_NAME = "(anonymised)"


def enquiries_anonymise_expired(*, now: datetime | None = None) -> int:
    """Removes the personal data of enquiries closed (or marked spam) longer ago than
    ENQUIRY_RETENTION_MONTHS, and the emails sent about them. The reference, kind, dates
    and status stay, so the team's figures still add up. Returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = _months_before(now, settings.ENQUIRY_RETENTION_MONTHS)
    expired = Enquiry.objects.filter(status__in=FINISHED_STATUSES, closed_at__lt=cutoff,
                                     anonymised_at__isnull=True)
    with transaction.atomic():
        pks = list(expired.values_list("pk", flat=True))
        keys = [f"partnership.enquiry:{pk}" for pk in pks]
        count = expired.update(
            name=ANONYMISED_NAME, email="", phone="", organisation_name="", borough=None, message="",
            offer_other="", offer_where="", document_requested="", accessible_format_other="",
            assistive_technology="", response_note="", anonymised_at=now,
        )
        # The outbox rows carry the address and the name in their text: they go too.
        Notification.objects.filter(subject_key__in=keys).delete()
        # And the search index's copy of the words: the name, address and message leave it too.
        search_refresh(Enquiry.objects.filter(pk__in=pks))  # batched: a year of them at once
    if count:
        logger.info("anonymised %s enquiries closed before %s", count, cutoff.date())
    return count
