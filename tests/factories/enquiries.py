import factory
from django.utils import timezone

from partnership.enquiries.services import format_reference, response_due_for
from partnership.models import Enquiry, EnquiryKind


class EnquiryFactory(factory.django.DjangoModelFactory):
    """An enquiry as the form would save it, without going through the service (numbers are
    drawn from a factory sequence in a year of their own, apart from the service's counter)."""

    class Meta:
        model = Enquiry

    year = 2099
    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda e: format_reference(e.year, e.number))
    kind = EnquiryKind.QUESTION
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"sender{n}@example.com")
    message = "Where can I find ESOL classes for my neighbour in Camden?"
    received_at = factory.LazyFunction(timezone.now)
    consent_given_at = factory.LazyAttribute(lambda e: e.received_at)
    response_due = factory.LazyAttribute(lambda e: response_due_for(e.received_at))
