"""Email settings for everyone signed in; the delivery log for GLA officers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.notifications.filters import NotificationFilter
from partnership.notifications.forms import NotificationPreferenceForm
from partnership.notifications.registry import kind_label, notice_kinds
from partnership.notifications.selectors import delivery_log
from partnership.notifications.services.outbox import notification_retry
from partnership.notifications.services.preferences import preference_for, preference_update

LOG_PAGE_SIZE = 50


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
