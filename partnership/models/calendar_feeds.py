import secrets

from django.conf import settings
from django.db import models


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in a person's calendar feed address. Calendar apps cannot sign in, so the
    address itself is the key: the owner sees it on their own page, and can replace it (the old
    address then answers 404) or revoke it altogether."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed_token")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"
