import pytest
from django.core.management import call_command

from partnership.models import Enquiry, EnquiryStatus

pytestmark = pytest.mark.django_db


def test_demo_enquiries_are_seeded_once():
    call_command("seed_demo")
    call_command("seed_demo")
    demo = Enquiry.objects.filter(email__endswith="@demo.example.net")
    assert demo.count() == 6
    assert demo.filter(language="ar", reply_language="ar").count() == 1
    assert demo.filter(status=EnquiryStatus.ASSIGNED, assignee__email="officer@example.org").count() == 1
    assert demo.overdue().count() == 1
