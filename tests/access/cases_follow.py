"""Follow, the public's email alerts: public pages reached through signed links (a tampered link
is 404), and the counts for GLA officers."""

from partnership.notifications.services.subscriptions import (
    confirm_token,
    manage_token,
    subscription_request,
    unsubscribe_all_token,
    unsubscribe_token,
)
from tests.access.matrix import GLA_ONLY, PUBLIC, Case, expect

NOT_FOUND = expect(404, 404, 404, 404, 404, 404)


def _subscription(world):
    return subscription_request(email="reader@example.com", topic="body_papers", body=world.mrap)


CASES = [
    Case("partnership:follow", PUBLIC),
    Case("partnership:follow", PUBLIC, method="post", label="empty form shows errors"),
    Case("partnership:follow_requested", PUBLIC),
    Case("partnership:follow_confirm", PUBLIC, kwargs=lambda w: {"token": confirm_token(_subscription(w))},
         label="valid link"),
    Case("partnership:follow_confirm", NOT_FOUND, kwargs=lambda w: {"token": "tampered"}, label="tampered link"),
    Case("partnership:follow_unsubscribe", PUBLIC, kwargs=lambda w: {"token": unsubscribe_token(_subscription(w))},
         label="valid link"),
    Case("partnership:follow_unsubscribe_all", PUBLIC,
         kwargs=lambda w: {"token": unsubscribe_all_token(_subscription(w).email)}, label="valid link"),
    Case("partnership:follow_unsubscribe_all", NOT_FOUND, kwargs=lambda w: {"token": "tampered"},
         label="tampered link"),
    Case("partnership:follow_unsubscribed", PUBLIC),
    Case("partnership:follow_manage", PUBLIC, kwargs=lambda w: {"token": manage_token(_subscription(w).email)},
         label="valid link"),
    Case("partnership:follow_manage", NOT_FOUND, kwargs=lambda w: {"token": "tampered"}, label="tampered link"),
    Case("partnership:follow_counts", GLA_ONLY),
]
