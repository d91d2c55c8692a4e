import datetime as dt

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import ActionUpdate, Paper, PaperVisibility
from tests.factories.partnership import BodyFactory, UserFactory


class PaperFactory(factory.django.DjangoModelFactory):
    """A published paper with a real one-page PDF behind it."""

    class Meta:
        model = Paper

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Briefing paper {n}")
    file = factory.LazyAttribute(lambda p: ContentFile(minimal_pdf(p.title), name="paper.pdf"))
    original_filename = factory.LazyAttribute(lambda p: f"{p.title}.pdf")
    content_type = "application/pdf"
    size_bytes = factory.LazyAttribute(lambda p: p.file.size)
    visibility = PaperVisibility.MEMBERS
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    written_by = factory.SubFactory(UserFactory)
    note = factory.Sequence(lambda n: f"Progress note {n}")
