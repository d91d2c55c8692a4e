"""Subject access: everything held about one email address, as CSV (enquiries, emails sent to
it, and the email alerts it follows).

Cells are neutralised against formula injection with the shared partnership.common.csv_export.neutralise
(two sections in one file, so it writes rows itself rather than use csv_response)."""

import csv
import io

from django.utils import timezone

from partnership.common.csv_export import neutralise
from partnership.models import Enquiry, Notification
from partnership.notifications.selectors import subscriptions_of_email
from partnership.notifications.services.subscriptions import describe

ENQUIRY_COLUMNS = [
    ("Reference", lambda e: e.reference), ("About", lambda e: e.get_kind_display()),
    ("Received", lambda e: timezone.localtime(e.received_at).isoformat()),
    ("Name", lambda e: e.name), ("Email", lambda e: e.email), ("Telephone", lambda e: e.phone),
    ("Organisation", lambda e: e.organisation_name), ("Borough", lambda e: e.borough or ""),
    ("Message", lambda e: e.message), ("Offer", lambda e: "; ".join(e.offer_type_labels)),
    ("Other offer", lambda e: e.offer_other), ("Offered where", lambda e: e.offer_where),
    ("Document requested", lambda e: e.document_requested),
    ("Format", lambda e: e.get_accessible_format_display()),
    ("Other format", lambda e: e.accessible_format_other),
    ("Assistive technology", lambda e: e.assistive_technology),
    ("Consent given", lambda e: timezone.localtime(e.consent_given_at).isoformat()),
    ("Status", lambda e: e.get_status_display()), ("Reply due", lambda e: e.response_due.isoformat()),
    ("Assigned to", lambda e: e.assignee or ""), ("Response", lambda e: e.response_note),
]


def subject_access_csv(email: str) -> str:
    enquiries = list(Enquiry.objects.for_email(email).select_related("borough", "assignee").order_by("received_at"))
    notices = Notification.objects.filter(recipient_email__iexact=email.strip()).order_by("created_at")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Record", *[title for title, _ in ENQUIRY_COLUMNS]])
    for enquiry in enquiries:
        writer.writerow(["Enquiry", *[neutralise(value(enquiry)) for _, value in ENQUIRY_COLUMNS]])
    writer.writerow([])
    writer.writerow(["Record", "Written", "Status", "Subject", "Text"])
    for notice in notices:
        writer.writerow(["Email to this address", neutralise(timezone.localtime(notice.created_at).isoformat()),
                         neutralise(notice.get_status_display()), neutralise(notice.subject),
                         neutralise(notice.body_text)])
    writer.writerow([])
    writer.writerow(["Record", "Follows", "Asked", "Confirmed"])
    for subscription in subscriptions_of_email(email.strip().lower()):
        writer.writerow(["Email alert", neutralise(describe(subscription)),
                         neutralise(timezone.localtime(subscription.created_at).isoformat()),
                         neutralise(timezone.localtime(subscription.confirmed_at).isoformat()
                                    if subscription.confirmed_at else "not confirmed")])
    return out.getvalue()
