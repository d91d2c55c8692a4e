import factory

from partnership.models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    kind = "meeting.reminder"
    subject_key = factory.Sequence(lambda n: f"partnership.meeting:{n}")
    recipient_email = factory.Sequence(lambda n: f"person{n}@example.org")
    slot = "7d"
    subject = factory.Sequence(lambda n: f"Reminder {n}")
    body_text = "Hello"
