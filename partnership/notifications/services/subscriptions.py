"""Follow: the public's email alerts, with no account (issue 16).

- `subscription_request`: an unconfirmed subscription and a confirmation email whose signed link
  expires after FOLLOW_UNCONFIRMED_DAYS (double opt-in); asking again sends at most one a day.
- `subscription_confirm`: the signed link confirms it; from then on the daily digest covers what
  is new. `plan_follow_digests` (an hourly planner) writes one digest a day per address, through
  the outbox, with a one-click unsubscribe (List-Unsubscribe header and a link per subscription)
  and a link to the page that manages them; it also deletes subscriptions never confirmed.
- `subscription_cancel` / `subscriptions_cancel_all`: unsubscribing deletes the rows.

A subscription holds the address and what it follows, nothing else. The links are signed with
the portal's secret key (django.core.signing), each for its purpose (salt)."""

import datetime as dt
import hashlib
import logging

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import Body, Subscription
from partnership.notifications.registry import follow_topic
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue

logger = logging.getLogger(__name__)

KIND_CONFIRM = "partnership.follow_confirm"
KIND_DIGEST = "partnership.follow_digest"
CONFIRM_SALT = "partnership.follow.confirm"
UNSUBSCRIBE_SALT = "partnership.follow.unsubscribe"
UNSUBSCRIBE_ALL_SALT = "partnership.follow.unsubscribe-all"
MANAGE_SALT = "partnership.follow.manage"
MANAGE_LINK_DAYS = 30
DIGEST_HOUR = 7  # local time: the digest of the day before goes out from this hour


def _unconfirmed_days() -> int:
    return getattr(settings, "FOLLOW_UNCONFIRMED_DAYS", 7)


# Signed links -------------------------------------------------------------------------------

def confirm_token(subscription: Subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object([subscription.pk, subscription.email])


def unsubscribe_token(subscription: Subscription) -> str:
    # No expiry: the link in a digest must work for as long as the digest is kept.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([subscription.pk, subscription.email])


def unsubscribe_all_token(email: str) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_ALL_SALT).sign_object([email])


def manage_token(email: str) -> str:
    return signing.TimestampSigner(salt=MANAGE_SALT).sign_object([email])


def _subscription_from(value) -> Subscription | None:
    pk, email = value
    return Subscription.objects.filter(pk=pk, email=email).first()


def _unsigned(signer, token: str, **kwargs):
    """The signed value, or None for a link that was changed, is not ours, or has expired.
    The value is encoded, not encrypted: the links hold nothing more than the email they go to."""
    try:
        value = signer.unsign_object(token, **kwargs)
    except (signing.BadSignature, ValueError, TypeError):  # SignatureExpired is a BadSignature
        return None
    return value if isinstance(value, list) else None


def subscription_from_confirm_token(token: str) -> Subscription | None:
    value = _unsigned(signing.TimestampSigner(salt=CONFIRM_SALT), token,
                      max_age=dt.timedelta(days=_unconfirmed_days()))
    return _subscription_from(value) if value and len(value) == 2 else None


def subscription_from_unsubscribe_token(token: str) -> Subscription | None:
    value = _unsigned(signing.Signer(salt=UNSUBSCRIBE_SALT), token)
    return _subscription_from(value) if value and len(value) == 2 else None


def email_from_unsubscribe_all_token(token: str) -> str | None:
    value = _unsigned(signing.Signer(salt=UNSUBSCRIBE_ALL_SALT), token)
    return value[0] if value and len(value) == 1 else None


def email_from_manage_token(token: str) -> str | None:
    value = _unsigned(signing.TimestampSigner(salt=MANAGE_SALT), token, max_age=dt.timedelta(days=MANAGE_LINK_DAYS))
    return value[0] if value and len(value) == 1 else None


# Writes -------------------------------------------------------------------------------------

def _subject_key(email: str) -> str:
    # The outbox key names the address by a hash, so the key itself holds no address.
    return "partnership.follow:" + hashlib.sha256(email.encode()).hexdigest()[:32]


@transaction.atomic
def subscription_request(*, email: str, topic: str, body: Body | None = None, now=None) -> Subscription:
    """An unconfirmed subscription (or the existing one) and, unless it is confirmed already, a
    confirmation email: at most one a day, so the form cannot be used to flood an inbox."""
    chosen = follow_topic(topic)
    if chosen is None:
        raise ValidationError({"topic": "Choose what to follow"})
    if chosen.per_body and body is None:
        raise ValidationError({"body": "Choose the body to follow"})
    now = now or timezone.now()
    email = email.strip().lower()
    subscription, _ = Subscription.objects.get_or_create(email=email, topic=topic,
                                                         body=body if chosen.per_body else None)
    if subscription.confirmed_at is None:
        confirm_url = portal_link(reverse("partnership:follow_confirm", args=[confirm_token(subscription)]))
        context = {"subscription": subscription, "what": describe(subscription), "confirm_url": confirm_url,
                   "days": _unconfirmed_days()}
        notification_enqueue(
            kind=KIND_CONFIRM, subject_key=_subject_key(email), recipient_email=email,
            slot=f"confirm:{subscription.pk}:{timezone.localdate(now).isoformat()}",
            subject="Confirm your email alerts from the London Strategic Migration Partnership",
            body_text=render_to_string("partnership/notifications/email/follow_confirm.txt", context))
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription: Subscription, now=None) -> Subscription:
    """Confirms it (a second confirmation changes nothing); the digest covers what comes next."""
    current = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if current.confirmed_at is None:
        current.confirmed_at = current.covered_until = now or timezone.now()
        current.save(update_fields=["confirmed_at", "covered_until"])
    return current


@transaction.atomic
def subscription_cancel(*, subscription: Subscription) -> None:
    Subscription.objects.filter(pk=subscription.pk).delete()


@transaction.atomic
def subscriptions_cancel_all(*, email: str) -> int:
    return Subscription.objects.filter(email=email).delete()[0]


def describe(subscription: Subscription) -> str:
    topic = follow_topic(subscription.topic)
    label = topic.label if topic else subscription.topic
    return f"{label}: {subscription.body.name}" if subscription.body_id else label


# The daily digest and the clean-up (an hourly planner, registered in PartnershipConfig.ready()) --

def plan_follow_digests(now) -> int:
    """Deletes subscriptions unconfirmed after FOLLOW_UNCONFIRMED_DAYS; from DIGEST_HOUR, writes
    each address's digest of what is new since its last one (one a day: the outbox key holds the
    date). Returns the rows written."""
    stale = now - dt.timedelta(days=_unconfirmed_days())
    Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=stale).delete()
    if timezone.localtime(now).hour < DIGEST_HOUR:
        return 0
    written = 0
    emails = (Subscription.objects.filter(confirmed_at__isnull=False).order_by("email")
              .values_list("email", flat=True).distinct())
    for email in list(emails):
        written += _digest_for(email, now)
    return written


@transaction.atomic
def _digest_for(email: str, now) -> int:
    # Lock the subscriptions only: PostgreSQL cannot lock the nullable side of the body's join.
    subscriptions = list(Subscription.objects.select_for_update(of=("self",))
                         .filter(email=email, confirmed_at__isnull=False)
                         .select_related("body").order_by("topic", "body__name", "pk"))
    sections = []
    for subscription in subscriptions:
        topic = follow_topic(subscription.topic)
        if topic is None:
            continue
        news = topic.news(since=subscription.covered_until, until=now, body=subscription.body)
        if news:
            sections.append({"what": describe(subscription), "items": [(title, portal_link(path))
                                                                       for title, path in news],
                             "unsubscribe_url": portal_link(reverse("partnership:follow_unsubscribe",
                                                                    args=[unsubscribe_token(subscription)]))})
    if not sections:
        return 0
    context = {"sections": sections,
               "manage_url": portal_link(reverse("partnership:follow_manage", args=[manage_token(email)]))}
    row = notification_enqueue(
        kind=KIND_DIGEST, subject_key=_subject_key(email), recipient_email=email,
        slot=f"digest:{timezone.localdate(now).isoformat()}",
        subject="New from the London Strategic Migration Partnership",
        body_text=render_to_string("partnership/notifications/email/follow_digest.txt", context),
        list_unsubscribe=portal_link(reverse("partnership:follow_unsubscribe_all",
                                             args=[unsubscribe_all_token(email)])))
    if row is None:
        return 0  # today's digest is written already
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(covered_until=now)
    return 1
