"""What is new and public, for the follow digests (partnership/notifications/services/
subscriptions.py): a body's published public papers, and its newly scheduled meetings (its
public calendar). Only what anyone may see: a digest goes to an address, not a person."""

from django.urls import reverse
from django.utils import timezone

from partnership.models import Meeting, Paper, PaperVisibility

NEWS_LIMIT = 50


def body_papers_news(*, since, until, body) -> list[tuple[str, str]]:
    papers = (Paper.objects.filter(body=body, visibility=PaperVisibility.PUBLIC, published_at__gt=since,
                                   published_at__lte=until).order_by("published_at", "pk")[:NEWS_LIMIT])
    return [(paper.title, reverse("partnership:paper_detail", args=[paper.pk])) for paper in papers]


def body_calendar_news(*, since, until, body) -> list[tuple[str, str]]:
    meetings = (Meeting.objects.filter(body=body, created_at__gt=since, created_at__lte=until)
                .select_related("body").order_by("starts_at", "pk")[:NEWS_LIMIT])
    return [(f"{meeting.display_title}, {timezone.localtime(meeting.starts_at):%-d %B %Y, %H:%M}",
             reverse("partnership:meeting_detail", args=[meeting.pk])) for meeting in meetings]
