"""A fixed-window limit on how often one address may send the public form, kept in Django's
cache. With the default local-memory cache each process counts on its own; production sets
CACHE_URL to Redis so that every web process shares one count.

The limit fails open: if the cache is unreachable the message is still taken (a contact form
that refuses everyone because Redis is down would be worse than one that cannot count)."""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    proxies = settings.ENQUIRY_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, address: str) -> str:
    # Hashed: the cache never holds a visitor's address in clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    window = int(time.time() // settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS)
    return f"ratelimit:{scope}:{digest}:{window}"


def is_limited(scope: str, request) -> bool:
    try:
        used = cache.get(_key(scope, client_address(request)), 0)
    except Exception:  # noqa: BLE001 - fail open, see the module docstring
        logger.warning("rate-limit cache unreachable; not limiting")
        return False
    return used >= settings.ENQUIRY_RATE_LIMIT


def record_use(scope: str, request) -> None:
    key = _key(scope, client_address(request))
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
    """A wait as a person would say it, rounded up to the minute: "1 minute", "25 minutes",
    "1 hour", "2 hours and 5 minutes"."""
    hours, minutes = divmod(max(1, math.ceil(seconds / 60)), 60)
    parts = [f"{count} {unit}{'' if count == 1 else 's'}"
             for count, unit in ((hours, "hour"), (minutes, "minute")) if count]
    return " and ".join(parts)
