"""The public contact form and the Migration Team's enquiry queue."""

import logging
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.pagination import paginate
from partnership.enquiries import rate_limit
from partnership.enquiries.exports import subject_access_csv
from partnership.enquiries.filters import EnquiryFilter
from partnership.enquiries.forms import AssignForm, EnquiryForm, ResponseForm, SubjectAccessForm
from partnership.enquiries.selectors import enquiries_for_page, enquiry_queue
from partnership.enquiries.services import (
    enquiry_assign,
    enquiry_close,
    enquiry_mark_spam,
    enquiry_record_response,
    enquiry_submit,
)

logger = logging.getLogger(__name__)

RATE_SCOPE = "contact"
DRAFT_SESSION_KEY = "enquiry_draft"
SENT_SESSION_KEY = "enquiry_sent"
TRIAGE = "partnership.triage_enquiries"
# What the check-your-answers step keeps between the form and sending: the answers only.
NOT_KEPT = {"csrfmiddlewaretoken", "website", "submit"}


def _draft(request) -> MultiValueDict | None:
    draft = request.session.get(DRAFT_SESSION_KEY)
    return MultiValueDict(draft) if draft else None


def _contact_page(request, form, *, status=200, rate_limited_wait=None):
    response = render(request, "partnership/enquiries/contact.html",
                      {"form": form, "rate_limited_wait": rate_limited_wait}, status=status)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def contact(request):
    """The form. A valid form is kept in the session (the answers only, until sent or the
    session ends) and the sender checks it on the next page; "Change" brings them back here
    with everything as they left it."""
    if request.method == "GET":
        draft = _draft(request)
        return _contact_page(request, EnquiryForm(data=draft) if draft else EnquiryForm())
    form = EnquiryForm(data=request.POST)
    if rate_limit.is_limited(RATE_SCOPE, request, email=request.POST.get("email", "")):
        return _refused_past_the_limit(request, "partnership/enquiries/contact.html", {"form": form})
    if not form.is_valid():
        return _contact_page(request, form)
    if form.is_from_a_bot:
        # Looks like success to the bot; nothing is saved and no email is queued.
        rate_limit.record_use(RATE_SCOPE, request, email=form.cleaned_data["email"])
        return render(request, "partnership/enquiries/sent.html", {"sent": None})
    request.session[DRAFT_SESSION_KEY] = {key: request.POST.getlist(key) for key in request.POST
                                          if key not in NOT_KEPT}
    return redirect("contact_check")


@never_cache
@require_http_methods(["GET", "POST"])
def contact_check(request):
    """Check your answers, then send. Without answers waiting (a bookmark, a second tab after
    sending) it goes back to the form; answers no longer valid (a borough removed meanwhile) are
    shown on the form with their errors."""
    draft = _draft(request)
    if draft is None:
        return redirect("contact")
    form = EnquiryForm(data=draft)
    if not form.is_valid():
        return _contact_page(request, form)
    context = {"form": form, "answers": form.answers()}
    if request.method == "GET":
        return render(request, "partnership/enquiries/check.html", context)
    if rate_limit.is_limited(RATE_SCOPE, request, email=form.cleaned_data["email"]):
        return _refused_past_the_limit(request, "partnership/enquiries/check.html", context)
    rate_limit.record_use(RATE_SCOPE, request, email=form.cleaned_data["email"])
    enquiry = enquiry_submit(**form.submission())
    del request.session[DRAFT_SESSION_KEY]
    # Only what the confirmation page shows, and nothing personal: sessions outlive the page.
    request.session[SENT_SESSION_KEY] = {"reference": enquiry.reference,
                                         "due": enquiry.response_due.isoformat()}
    return redirect("contact_sent")


def _refused_past_the_limit(request, template, context):
    """The page again, with everything the sender typed, and the summary saying how long to
    wait: a refusal on a page of its own would lose a long message. Nothing is saved and the
    refusal does not count as a use. Nothing about the sender is logged."""
    wait = rate_limit.seconds_until_reset()
    logger.info("contact form: a message past the rate limit was refused")
    return rate_limit.refused_page(request, template, {**context, "rate_limited_wait": rate_limit.wait_in_words(wait)},
                                   wait)


@never_cache
@require_safe
def contact_sent(request):
    sent = request.session.get(SENT_SESSION_KEY)
    if not sent:
        return redirect("contact")
    return render(request, "partnership/enquiries/sent.html", {
        "sent": {**sent, "due": date.fromisoformat(sent["due"])}})


QUEUE_PAGE_SIZE = 50


@require_safe
@permission_required(TRIAGE)
def enquiry_list(request):
    filterset = EnquiryFilter(request.GET or None, queryset=enquiry_queue(request.user))
    pagination = paginate(request.GET, filterset.qs, noun=("enquiry", "enquiries"), per_page=QUEUE_PAGE_SIZE)
    return render(request, "partnership/enquiries/list.html", {
        "filter": filterset, "pagination": pagination, "today": timezone.localdate()})


def _detail(request, enquiry, *, assign_form=None, response_form=None, status=200):
    return render(request, "partnership/enquiries/detail.html", {
        "enquiry": enquiry,
        "assign_form": assign_form or AssignForm(initial={"assignee": enquiry.assignee_id or request.user.pk}),
        "response_form": response_form or ResponseForm(),
    }, status=status)


def _enquiry(request, pk):
    return scoped_object_or_404(enquiries_for_page(request.user), pk=pk)


@require_safe
@permission_required(TRIAGE)
def enquiry_detail(request, pk):
    return _detail(request, _enquiry(request, pk))


def _apply(request, enquiry, action, done: str, **kwargs):
    try:
        action(enquiry=enquiry, by=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("partnership:enquiry_detail", pk=enquiry.pk)


@permission_required(TRIAGE)
@require_POST
def enquiry_assign_view(request, pk):
    enquiry = _enquiry(request, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _detail(request, enquiry, assign_form=form, status=400)
    assignee = form.cleaned_data["assignee"]
    return _apply(request, enquiry, enquiry_assign, f"{enquiry.reference} is assigned to {assignee}.",
                  assignee=assignee)


@permission_required(TRIAGE)
@require_POST
def enquiry_respond_view(request, pk):
    enquiry = _enquiry(request, pk)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return _detail(request, enquiry, response_form=form, status=400)
    return _apply(request, enquiry, enquiry_record_response, f"The response to {enquiry.reference} is recorded.",
                  note=form.cleaned_data["note"])


@permission_required(TRIAGE)
@require_POST
def enquiry_close_view(request, pk):
    enquiry = _enquiry(request, pk)
    return _apply(request, enquiry, enquiry_close, f"{enquiry.reference} is closed.")


@permission_required(TRIAGE)
@require_POST
def enquiry_spam_view(request, pk):
    enquiry = _enquiry(request, pk)
    return _apply(request, enquiry, enquiry_mark_spam, f"{enquiry.reference} is marked as spam.")


@never_cache
@require_safe
@permission_required(TRIAGE)
def enquiry_subject_access(request):
    form = SubjectAccessForm(request.GET or None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        response = HttpResponse(subject_access_csv(email), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subject-access-{timezone.localdate():%Y-%m-%d}.csv"'
        return response
    return render(request, "partnership/enquiries/subject_access.html", {"form": form})
