import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from partnership.models import AgendaItem, Notification, Paper, PaperVisibility
from tests.factories.partnership import BodyFactory, MeetingFactory


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    body = factory.SubFactory(BodyFactory)
    meeting = None
    title = factory.Sequence(lambda n: f"Paper {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 test", name="paper.pdf"))
    original_filename = "paper.pdf"
    content_type = "application/pdf"
    size_bytes = 13
    visibility = PaperVisibility.MEMBERS
    published_at = factory.LazyFunction(timezone.now)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    kind = "meeting.reminder"
    subject_key = factory.Sequence(lambda n: f"partnership.meeting:{n}")
    recipient_email = factory.Sequence(lambda n: f"person{n}@example.org")
    slot = "7d"
    subject = factory.Sequence(lambda n: f"Reminder {n}")
    body_text = "Hello"
