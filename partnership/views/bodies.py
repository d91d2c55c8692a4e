"""Bodies and their memberships. The list and a body's page are public; members are shown to
the public only when the body says so."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.bounded import bounded
from partnership.common.forms import form_data
from partnership.common.pagination import paginate
from partnership.forms.bodies import BodyForm, MembershipEndForm, MembershipForm
from partnership.models import Body
from partnership.selectors import bodies as body_select
from partnership.selectors import meetings as select
from partnership.services.bodies import body_save, membership_add, membership_end
from partnership.services.calendar_feeds import calendar_bytes

from .meeting_pages import action_list_url

PAST_MEETINGS_SHOWN = 12
UPCOMING_MEETINGS_SHOWN = 12
OPEN_ACTIONS_SHOWN = 10
MEMBERS_PAGE_SIZE = 50
MEETINGS_PAGE_SIZE = 50


@require_safe
def body_list(request):
    return render(request, "partnership/bodies/list.html", {"bodies": body_select.bodies_for_listing()})


@require_safe
def body_meetings(request, pk):
    """Every meeting of the body, newest first, a page at a time (its page shows the next and the
    latest few). Public, as the calendar is: no online links."""
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    pagination = paginate(request.GET, select.meetings_of_body_newest_first(body),
                          noun=("meeting", "meetings"), per_page=MEETINGS_PAGE_SIZE)
    return render(request, "partnership/bodies/meetings.html",
                  {"body": body, "pagination": pagination, "meetings": pagination.page.object_list})


@require_safe
def body_detail(request, pk):
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    members_side = body_select.sees_members_side(request.user, body)
    meetings = select.meetings_of_body(body)
    # Every list here is bounded: members a page at a time, the next and the latest few meetings
    # (the calendar feed has the last year's and those to come), the most overdue open actions (the
    # action list has them all).
    every_meeting = reverse("partnership:body_meetings", args=[body.pk])
    members = None
    if members_side or body.membership_is_public:
        members = paginate(request.GET, body_select.body_members(body), noun=("member", "members"),
                           per_page=MEMBERS_PAGE_SIZE)
    context = {
        "body": body,
        "members_side": members_side,
        "members": members.page.object_list if members is not None else None,
        "members_pagination": members,
        "upcoming": bounded(select.upcoming_meetings(meetings), UPCOMING_MEETINGS_SHOWN, more_url=every_meeting),
        "past": bounded(select.past_meetings(meetings), PAST_MEETINGS_SHOWN, more_url=every_meeting),
        "open_actions": (select.matters_arising_shown(
            body, request.user, more_url=action_list_url(body=body.pk, still_open="yes"))
            if members_side else []),
        "terms": body_select.terms_of_reference(body, request.user),
        "can_manage": request.user.has_perm("partnership.manage_bodies"),
    }
    return render(request, "partnership/bodies/detail.html", context)


@require_safe
def body_calendar(request, pk):
    """The body's meetings as iCalendar: public information only, never an online link."""
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    content = calendar_bytes(select.meetings_for_feed(select.meetings_of_body(body)),
                             name=f"{body.short_name} meetings", online_links_for_body_ids=frozenset())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{body.short_name.lower()}-meetings.ics"'
    return response


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_bodies")
def body_create(request):
    return _body_form(request, Body())


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_bodies")
def body_edit(request, pk):
    return _body_form(request, scoped_object_or_404(body_select.bodies_for_listing(), pk=pk))


def _body_form(request, body):
    form = BodyForm(**form_data(request), instance=body)
    if request.method == "POST" and form.is_valid():
        body = body_save(form)
        messages.success(request, f"{body.name} saved.")
        return redirect("partnership:body_detail", pk=body.pk)
    return render(request, "partnership/bodies/form.html", {"form": form, "body": body})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_bodies")
def membership_create(request, pk):
    body = scoped_object_or_404(body_select.bodies_for_listing(), pk=pk)
    form = MembershipForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = membership_add(body=body, user=data["user"], role=data["role"],
                                        organisation=data["organisation"], started_on=data["started_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{membership.user} added to {body.short_name}.")
            return redirect("partnership:body_detail", pk=body.pk)
    return render(request, "partnership/bodies/membership_form.html", {"form": form, "body": body})


@require_http_methods(["GET", "POST"])
@permission_required("partnership.manage_bodies")
def membership_finish(request, pk):
    membership = scoped_object_or_404(body_select.memberships_managed_by(request.user), pk=pk)
    if membership.ended_on is not None:
        messages.error(request, f"{membership.user}'s membership ended on {membership.ended_on:%d %B %Y}.")
        return redirect("partnership:body_detail", pk=membership.body_id)
    form = MembershipEndForm(**form_data(request), membership=membership,
                             initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            membership_end(membership=membership, ended_on=form.cleaned_data["ended_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{membership.user}'s membership of {membership.body.short_name} ended.")
            return redirect("partnership:body_detail", pk=membership.body_id)
    return render(request, "partnership/bodies/membership_end.html", {"form": form, "membership": membership})
