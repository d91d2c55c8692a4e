"""Demo enquiries for `manage.py seed_demo`: one of each kind, some assigned, one overdue, two sent
from the Arabic and Bengali forms. The senders and messages are invented.
Idempotent: nothing is added once the demo senders' enquiries exist."""

from datetime import timedelta

from django.utils import timezone

from partnership.enquiries.services import enquiry_assign, enquiry_submit
from partnership.models import Enquiry, EnquiryKind, Organisation, OrganisationKind, User

DEMO_DOMAIN = "@demo.example.net"


def seed(*, log) -> None:
    if Enquiry.objects.filter(email__endswith=DEMO_DOMAIN).exists():
        return
    now = timezone.now()
    lewisham = Organisation.objects.filter(kind=OrganisationKind.BOROUGH, name="Lewisham").first()
    officer = User.objects.filter(email="officer@example.org").first()
    enquiry_submit(kind=EnquiryKind.OFFER_OF_SUPPORT, name="Grace Adeyemi", email="grace" + DEMO_DOMAIN,
                   organisation_name="St Mary's Church, Lewisham", borough=lewisham,
                   message="Our church hall is free on weekday mornings and we have volunteers who "
                           "would like to help newly arrived families.",
                   offer_types=["volunteering", "english"], offer_where="Lewisham and Greenwich",
                   received_at=now - timedelta(days=2))
    enquiry_submit(kind=EnquiryKind.ACCESSIBLE_FORMAT, name="Sam Reed", email="sam" + DEMO_DOMAIN,
                   message="I use a screen reader and cannot read the scanned PDF.",
                   document_requested="LSMP board minutes, March", accessible_format="audio",
                   assistive_technology="NVDA", received_at=now - timedelta(days=1))
    late = enquiry_submit(kind=EnquiryKind.QUESTION, name="Hassan Ali", email="hassan" + DEMO_DOMAIN,
                          message="Where can I find free ESOL classes in the evening in Newham?",
                          received_at=now - timedelta(days=12))
    enquiry_submit(kind=EnquiryKind.GET_INVOLVED, name="Refugee Welcome Network", email="hello" + DEMO_DOMAIN,
                   organisation_name="Refugee Welcome Network",
                   message="We would like to attend the Migrant and Refugee Advisory Panel.")
    # Invented, in the words a sender might type: the queue shows the form's language and the
    # acknowledgement went in the reply language.
    enquiry_submit(kind=EnquiryKind.OFFER_OF_SUPPORT, name="ليلى منصور", email="layla" + DEMO_DOMAIN,
                   message="نحن جمعية نسائية في برنت ويمكننا تقديم دروس طبخ ومساحة للقاء الأسر الجديدة.",
                   offer_types=["volunteering", "other"], offer_other="مساحة للقاء الأسر",
                   offer_where="Brent", language="ar", reply_language="ar", received_at=now - timedelta(days=3))
    enquiry_submit(kind=EnquiryKind.QUESTION, name="রুমানা বেগম", email="rumana" + DEMO_DOMAIN,
                   message="টাওয়ার হ্যামলেটসে সন্ধ্যায় বিনামূল্যে ইংরেজি ক্লাস কোথায় পাওয়া যায়?",
                   language="bn", reply_language="en-gb", received_at=now - timedelta(days=1))
    if officer is not None:
        enquiry_assign(enquiry=late, assignee=officer, by=officer)
    log("  6 demo enquiries (one overdue, two from the Arabic and Bengali forms)")
