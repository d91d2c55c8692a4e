"""Fixed-window limits on how often the public form may be sent, kept in Django's cache: one per
connection (ENQUIRY_RATE_LIMIT, 30 an hour: a refugee charity's office or a library's computers
share one address) and a tighter one per sender's email address (ENQUIRY_EMAIL_RATE_LIMIT, 5 an
hour), which is what one person writing over and over uses up. The reasons are in
docs/decisions/0010-public-form-in-ten-languages.md. With the default local-memory cache each
process counts on its own; production sets
CACHE_URL to Redis so that every web process shares one count.

The limit fails open: if the cache is unreachable the message is still taken (a contact form
that refuses everyone because Redis is down would be worse than one that cannot count)."""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext, ngettext

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    proxies = settings.ENQUIRY_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, kind: str, value: str) -> str:
    # Hashed: the cache never holds a visitor's address or email in clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    window = int(time.time() // settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS)
    return f"ratelimit:{scope}:{kind}:{digest}:{window}"


def _counters(scope: str, request, email: str) -> list[tuple[str, int]]:
    """(cache key, limit) of each count this message falls under."""
    counters = [(_key(scope, "address", client_address(request)), settings.ENQUIRY_RATE_LIMIT)]
    email = (email or "").strip().lower()
    if email:
        counters.append((_key(scope, "email", email), settings.ENQUIRY_EMAIL_RATE_LIMIT))
    return counters


def is_limited(scope: str, request, *, email: str = "") -> bool:
    """True once the connection has sent ENQUIRY_RATE_LIMIT messages in this window, or this
    email address ENQUIRY_EMAIL_RATE_LIMIT."""
    counters = _counters(scope, request, email)
    try:
        used = cache.get_many([key for key, _limit in counters])
    except Exception:  # noqa: BLE001 - fail open, see the module docstring
        logger.warning("rate-limit cache unreachable; not limiting")
        return False
    return any(used.get(key, 0) >= limit for key, limit in counters)


def record_use(scope: str, request, *, email: str = "") -> None:
    for key, _limit in _counters(scope, request, email):
        try:
            if not cache.add(key, 1, timeout=settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS):
                cache.incr(key)
        except ValueError:  # the key expired between add and incr
            cache.add(key, 1, timeout=settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS)
        except Exception:  # noqa: BLE001 - fail open
            logger.warning("rate-limit cache unreachable; use not counted")


def seconds_until_reset() -> int:
    """How long until the current window ends and every address may send again. The window is
    fixed (its number is part of the key), so it ends at the next multiple of its length,
    whenever the first message in it was sent."""
    window = settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS
    return max(1, math.ceil(window - time.time() % window))


def wait_in_words(seconds: int) -> str:
    """A wait as a person would say it, in the page's language, rounded up to the minute:
    "1 minute", "25 minutes", "1 hour", "2 hours and 5 minutes"."""
    hours, minutes = divmod(max(1, math.ceil(seconds / 60)), 60)
    hours_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes_text = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    if hours and minutes:
        return gettext("%(hours)s and %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}
    return hours_text if hours else minutes_text


def refused_page(request, template: str, context: dict, wait: int):
    """The form's page again, answered 429 with Retry-After (`wait` seconds): what the visitor
    typed is in `context`, so a refusal never loses a long message."""
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(wait)
    return response
