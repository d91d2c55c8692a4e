"""Each person's choice of single emails or a daily digest, and the optional kinds they
switched off. Meeting notices they must attend are mandatory kinds and ignore both."""

from partnership.models import Delivery, NotificationPreference, User
from partnership.notifications.registry import is_optional, optional_kinds


def preference_for(*, user: User) -> NotificationPreference:
    """The saved preference, or the default (single emails, everything on) unsaved."""
    try:
        return user.notification_preference
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(user=user)


def preference_decision(*, user: User, kind: str) -> str:
    """"send", "digest" or "off" for one notice of `kind` to `user`."""
    if not is_optional(kind):
        return "send"
    preference = preference_for(user=user)
    if kind in preference.switched_off_kinds:
        return "off"
    return "digest" if preference.delivery == Delivery.DIGEST else "send"


def preference_update(*, user: User, delivery: str, switched_off_kinds: list[str]) -> NotificationPreference:
    """Saves a choice. Only optional kinds can be switched off: anything else is ignored, so
    a posted mandatory kind never stops a meeting notice."""
    if delivery not in Delivery.values:
        raise ValueError(f"Unknown delivery {delivery!r}")
    allowed = {k.kind for k in optional_kinds()}
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"delivery": delivery,
                             "switched_off_kinds": sorted(set(switched_off_kinds) & allowed)})
    return preference
