"""Email settings for everyone signed in; the delivery log for GLA officers; Follow, the
public's email alerts (sign up, confirm, manage, unsubscribe) and its counts for officers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.enquiries import rate_limit
from partnership.notifications.filters import NotificationFilter
from partnership.notifications.forms import FollowForm, NotificationPreferenceForm
from partnership.notifications.registry import follow_topic, kind_label, notice_kinds
from partnership.notifications.selectors import delivery_log, subscription_counts, subscriptions_of_email
from partnership.notifications.services.outbox import notification_retry
from partnership.notifications.services.preferences import preference_for, preference_update
from partnership.notifications.services.subscriptions import (
    describe,
    email_from_manage_token,
    email_from_unsubscribe_all_token,
    manage_token,
    subscription_cancel,
    subscription_confirm,
    subscription_from_confirm_token,
    subscription_from_unsubscribe_token,
    subscription_request,
    subscriptions_cancel_all,
    unsubscribe_token,
)

LOG_PAGE_SIZE = 50
# The contact form's limits (per connection and per address, an hour), counted apart from it: each
# request emails a confirmation link, so without one the form could flood a stranger's inbox.
FOLLOW_RATE_SCOPE = "follow"


@require_http_methods(["GET", "POST"])
@login_required
def notification_preferences(request):
    preference = preference_for(user=request.user)
    initial = {"delivery": preference.delivery,
               "wanted_kinds": [k.kind for k in notice_kinds() if k.optional
                                and k.kind not in preference.switched_off_kinds]}
    form = NotificationPreferenceForm(**form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        preference_update(user=request.user, delivery=form.cleaned_data["delivery"],
                          switched_off_kinds=form.switched_off_kinds())
        messages.success(request, "Your email settings are saved.")
        return redirect("partnership:notification_preferences")
    mandatory = [k for k in notice_kinds() if not k.optional]
    return render(request, "partnership/notifications/preferences.html", {"form": form, "mandatory": mandatory})


@require_http_methods(["GET"])
@permission_required("partnership.view_notification_log")
def notification_log(request):
    filterset = NotificationFilter(request.GET or None, queryset=delivery_log(request.user))
    # As on the other filtered lists: a value not on the list is reported beside its field and
    # left out, and the valid filters still apply (filterset.qs drops only the invalid ones).
    rows = filterset.qs
    pagination = paginate(request.GET, rows, noun=("email", "emails"), per_page=LOG_PAGE_SIZE)
    notices = list(pagination.page.object_list)
    for notice in notices:  # the kind's label, not its dotted code
        notice.kind_label = kind_label(notice.kind)
    return render(request, "partnership/notifications/log.html", {
        "filter": filterset, "pagination": pagination, "notices": notices})


@require_POST
@permission_required("partnership.retry_notification")
def notification_retry_view(request, pk):
    notification = scoped_object_or_404(delivery_log(request.user), pk=pk)
    if notification_retry(notification=notification):
        messages.success(request, f"The email to {notification.recipient_email} is queued again.")
    else:
        messages.info(request, "Only a failed email can be retried; this one was not retried.")
    return redirect("partnership:notification_log")


# Follow: the public's email alerts ------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def follow(request):
    """Anyone, signed in or not: an address and what to follow; a confirmation link is emailed.
    The answer is the same whether or not the address follows it already."""
    initial = {"topic": request.GET.get("topic", ""), "body": request.GET.get("body", "")}
    form = FollowForm(**form_data(request), initial=initial)
    if request.method == "POST" and rate_limit.is_limited(FOLLOW_RATE_SCOPE, request,
                                                          email=request.POST.get("email", "")):
        return _follow_refused_past_the_limit(request, form)
    if request.method == "POST" and form.is_valid():
        rate_limit.record_use(FOLLOW_RATE_SCOPE, request, email=form.cleaned_data["email"])
        try:
            subscription_request(email=form.cleaned_data["email"], topic=form.cleaned_data["topic"],
                                 body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("partnership:follow_requested")
    return render(request, "partnership/follow/form.html", {"form": form})


def _follow_refused_past_the_limit(request, form):
    """The form again with what was typed and how long to wait (429, Retry-After); nothing is
    asked for and no email is sent. Nothing about the visitor is logged."""
    wait = rate_limit.seconds_until_reset()
    form.is_valid()  # the typed values and any errors show as usual
    form.add_error(None, f"You have asked for too many email alerts. Wait {rate_limit.wait_in_words(wait)}, "
                         "then ask again")
    return rate_limit.refused_page(request, "partnership/follow/form.html", {"form": form}, wait)


@require_safe
def follow_requested(request):
    return render(request, "partnership/follow/requested.html")


@require_http_methods(["GET", "POST"])
def follow_confirm(request, token):
    """The emailed link shows a button (mail scanners follow links; only a person presses it)."""
    subscription = subscription_from_confirm_token(token)
    if subscription is None:
        return render(request, "partnership/follow/link_expired.html", status=404)
    if request.method == "POST":
        subscription_confirm(subscription=subscription)
        messages.success(request, f"Your email alerts are on: {describe(subscription)}.")
        return redirect("partnership:follow_manage", token=manage_token(subscription.email))
    return render(request, "partnership/follow/confirm.html", {"what": describe(subscription)})


@csrf_exempt  # the one-click POST of RFC 8058 comes from the mail client, with no CSRF token
@require_http_methods(["GET", "POST"])
def follow_unsubscribe(request, token):
    subscription = subscription_from_unsubscribe_token(token)
    if subscription is None:  # unsubscribed already (the row is deleted), or a changed link
        return render(request, "partnership/follow/unsubscribed.html", {"gone": True})
    if request.method == "POST":
        subscription_cancel(subscription=subscription)
        return redirect("partnership:follow_unsubscribed")
    return render(request, "partnership/follow/unsubscribe.html", {"what": describe(subscription)})


@csrf_exempt  # the List-Unsubscribe header's target: the mail client's one-click POST
@require_http_methods(["GET", "POST"])
def follow_unsubscribe_all(request, token):
    email = email_from_unsubscribe_all_token(token)
    if email is None:
        raise Http404
    if request.method == "POST":
        subscriptions_cancel_all(email=email)
        return redirect("partnership:follow_unsubscribed")
    return render(request, "partnership/follow/unsubscribe.html", {"what": "every email alert"})


@require_safe
def follow_unsubscribed(request):
    return render(request, "partnership/follow/unsubscribed.html")


@require_safe
def follow_manage(request, token):
    email = email_from_manage_token(token)
    if email is None:
        return render(request, "partnership/follow/link_expired.html", status=404)
    rows = [{"what": describe(subscription), "confirmed": subscription.confirmed_at is not None,
             "unsubscribe_token": unsubscribe_token(subscription)} for subscription in subscriptions_of_email(email)]
    return render(request, "partnership/follow/manage.html", {"email": email, "rows": rows})


@require_safe
@permission_required("partnership.view_notification_log")
def follow_counts(request):
    rows = [{**row, "label": (topic.label if (topic := follow_topic(row["topic"])) else row["topic"])}
            for row in subscription_counts()]
    return render(request, "partnership/follow/counts.html", {"rows": rows})
