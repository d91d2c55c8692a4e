"""A person's own calendar feed: the page that shows, replaces or revokes its secret address,
and the feed itself, reached by that address alone (calendar apps cannot sign in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import scoped_object_or_404
from partnership.selectors import bodies as body_select
from partnership.selectors import calendar_feeds as feed_select
from partnership.selectors import meetings as select
from partnership.services.calendar_feeds import calendar_bytes, feed_token_regenerate, feed_token_revoke


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def feed_settings(request):
    if request.method == "POST":
        # Each button names what it does: a POST that names neither (an empty one) changes
        # nothing, rather than silently breaking the address a calendar app is using.
        action = request.POST.get("action")
        if action == "revoke":
            feed_token_revoke(user=request.user)
            messages.success(request, "Your calendar address is revoked: it no longer works.")
        elif action == "regenerate":
            feed_token_regenerate(user=request.user)
            messages.success(request, "Your calendar has a new address. Any old address no longer works.")
        else:
            messages.error(request, "Nothing was changed: choose one of the buttons.")
        return redirect("partnership:feed_settings")
    token = feed_select.feed_token_of(request.user)
    feed_url = (request.build_absolute_uri(_feed_path(token.token)) if token else None)
    return render(request, "partnership/calendar_feeds/settings.html", {"token": token, "feed_url": feed_url})


def _feed_path(token):
    return reverse("partnership:personal_feed", args=[token])


@never_cache
@require_safe
def personal_feed(request, token):
    user = scoped_object_or_404(feed_select.live_feed_tokens(), token=token).user
    content = calendar_bytes(select.meetings_for_feed(select.meetings_in_personal_feed(user)), name="My LSMP meetings",
                             online_links_for_body_ids=body_select.body_ids_seen_in_full(user))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-lsmp-meetings.ics"'
    return response
