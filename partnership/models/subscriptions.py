"""Follow: the public's email alerts (issue 16). A subscription holds only an email address and
what it follows; it is confirmed through a signed link (double opt-in), deleted on unsubscribe,
and deleted unconfirmed after FOLLOW_UNCONFIRMED_DAYS. What can be followed is registered by the
apps (partnership/search/follow.py: topics)."""

from django.db import models
from django.db.models import Q


class Subscription(models.Model):
    email = models.EmailField()
    topic = models.CharField(max_length=40)  # a registered topic: "body_papers", "signed_decisions"
    body = models.ForeignKey("partnership.Body", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # What the daily digest has told them about up to (new things after this time come next).
    covered_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "topic", "body"], condition=Q(body__isnull=False),
                                    name="subscription_unique_per_body"),
            models.UniqueConstraint(fields=["email", "topic"], condition=Q(body__isnull=True),
                                    name="subscription_unique_without_body"),
            models.CheckConstraint(name="subscription_email_lower", condition=Q(email=models.functions.Lower("email"))),
            # A confirmed subscription knows what it has been told about.
            models.CheckConstraint(name="subscription_confirmed_has_cover",
                                   condition=Q(confirmed_at__isnull=True) | Q(covered_until__isnull=False)),
        ]

    def __str__(self):
        return f"{self.topic} {self.body_id or ''}".strip()
