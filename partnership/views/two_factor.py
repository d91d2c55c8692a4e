"""Two-factor authentication pages: the sign-in's second step (a code from the authenticator
app, or a recovery code), setting up an app, the person's own sign-in security page with new
recovery codes, and a reset by another GLA officer.

TwoFactorRequiredMiddleware sends a GLA officer or superuser here after the password; these
views only ever finish the sign-in of the person already signed in with it."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp import login as otp_login

from partnership.common.access import permission_required, scoped_object_or_404
from partnership.common.forms import form_data
from partnership.common.next_url import safe_next_url
from partnership.forms.two_factor import AuthenticatorCodeForm, RecoveryCodeForm, TwoFactorResetForm
from partnership.rules import may_reset_two_factor
from partnership.selectors.two_factor import (
    confirmed_authenticator,
    people_for_reset,
    recent_resets,
    recovery_code_device,
    second_step_pending,
    two_factor_required,
    two_factor_summary,
)
from partnership.services.two_factor import (
    authenticator_confirm,
    authenticator_key_new,
    authenticator_key_typed,
    authenticator_qr_svg,
    recovery_codes_issue,
    second_step_verify,
    two_factor_reset,
)

# Session keys: the secret being set up (until its first code confirms it) and new recovery
# codes (shown once, on the next page, then gone).
SETUP_KEY = "two_factor_setup_key"
NEW_CODES = "two_factor_new_recovery_codes"


def _next(request) -> str:
    return safe_next_url(request) or reverse("dashboard")


def _with_next(url_name: str, request) -> str:
    target = safe_next_url(request)
    return f"{reverse(url_name)}?{urlencode({'next': target})}" if target else reverse(url_name)


def _refusal(request):
    """Anonymous visitors sign in first; people who need no second step have no such pages."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not two_factor_required(request.user):
        raise Http404
    return None


def _finish_sign_in(request, device) -> None:
    otp_login(request, device)
    # A new session key for the raised privilege, as Django does at sign-in.
    request.session.cycle_key()


def _code_refused(outcome, noun: str) -> str:
    if outcome.throttled:
        seconds = outcome.wait_seconds
        wait = f"{seconds} second{'s' if seconds != 1 else ''}" if seconds < 120 else f"{-(-seconds // 60)} minutes"
        return f"There were too many wrong codes. Wait {wait}, then enter the {noun} again."
    if noun == "recovery code":
        return "That recovery code is not right, or it has been used. Check it and try again."
    return ("The code is not right. Enter the 6-digit code your authenticator app shows now "
            "(a new one comes every 30 seconds).")


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    if refusal := _refusal(request):
        return refusal
    if not second_step_pending(request.user):
        return redirect(_next(request))
    device = confirmed_authenticator(request.user)
    if device is None:
        return redirect(_with_next("two_factor_setup", request))
    form = AuthenticatorCodeForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        outcome = second_step_verify(user=request.user, device=device, code=form.cleaned_data["code"])
        if outcome.device is not None:
            _finish_sign_in(request, outcome.device)
            return redirect(_next(request))
        form.add_error("code", _code_refused(outcome, "code"))
    return render(request, "partnership/two_factor/verify.html", {
        "form": form, "recovery_url": _with_next("two_factor_recovery", request)})


@never_cache
@require_http_methods(["GET", "POST"])
def recovery(request):
    if refusal := _refusal(request):
        return refusal
    if not second_step_pending(request.user):
        return redirect(_next(request))
    device = recovery_code_device(request.user)
    form = RecoveryCodeForm(**form_data(request)) if device is not None else None
    if form is not None and request.method == "POST" and form.is_valid():
        outcome = second_step_verify(user=request.user, device=device, code=form.cleaned_data["code"])
        if outcome.device is not None:
            _finish_sign_in(request, outcome.device)
            left = outcome.device.unused_count()
            messages.warning(request, f"You signed in with a recovery code. You have {left} left. If you have lost "
                                      "your phone, set up your authenticator app again on your sign-in security page.")
            return redirect(_next(request))
        form.add_error("code", _code_refused(outcome, "recovery code"))
    return render(request, "partnership/two_factor/recovery.html", {
        "form": form, "verify_url": _with_next("two_factor_verify", request)})


def _setup_refusal(request):
    if refusal := _refusal(request):
        return refusal
    # Only the second step may replace an app: a password alone must never be enough.
    if second_step_pending(request.user) and confirmed_authenticator(request.user) is not None:
        return redirect(_with_next("two_factor_verify", request))
    return None


def _setup_key(request) -> str:
    """The secret being set up: one per session until its first code confirms it, so the QR
    code and the typed key always show the same secret, whichever the browser loads first."""
    if not request.session.get(SETUP_KEY):
        request.session[SETUP_KEY] = authenticator_key_new()
    return request.session[SETUP_KEY]


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    if refusal := _setup_refusal(request):
        return refusal
    key = _setup_key(request)
    form = AuthenticatorCodeForm(**form_data(request), submit="Confirm")
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = authenticator_confirm(user=request.user, key=key, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error.message_dict["code"])
        else:
            del request.session[SETUP_KEY]
            _finish_sign_in(request, device)
            request.session[NEW_CODES] = codes
            messages.success(request, "Your authenticator app is set up.")
            return redirect(_with_next("two_factor_manage", request))
    return render(request, "partnership/two_factor/setup.html", {
        "form": form, "typed_key": authenticator_key_typed(key),
        "replacing": confirmed_authenticator(request.user) is not None,
    })


@never_cache
@require_safe
def qr_code(request):
    """The QR code of the secret being set up, as an SVG image (an <img> of the set-up page)."""
    if refusal := _setup_refusal(request):
        return refusal
    response = HttpResponse(authenticator_qr_svg(user=request.user, key=_setup_key(request)),
                            content_type="image/svg+xml")
    patch_cache_control(response, no_store=True, private=True)
    return response


@never_cache
@require_safe
def manage(request):
    """The person's sign-in security: their app, their recovery codes (new ones shown once)."""
    if refusal := _refusal(request):
        return refusal
    return render(request, "partnership/two_factor/manage.html", {
        "summary": two_factor_summary(request.user),
        "new_codes": request.session.pop(NEW_CODES, None),
        "continue_url": _next(request),
    })


@require_POST
def new_recovery_codes(request):
    if refusal := _refusal(request):
        return refusal
    request.session[NEW_CODES] = recovery_codes_issue(user=request.user)
    messages.success(request, "You have new recovery codes. The old ones no longer work.")
    return redirect("two_factor_manage")


@require_http_methods(["GET", "POST"])
@permission_required("partnership.view_people")
def reset(request, pk):
    person = scoped_object_or_404(people_for_reset(), pk=pk)
    if not may_reset_two_factor(request.user, person):
        raise Http404
    form = TwoFactorResetForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            two_factor_reset(user=person, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Two-factor authentication of {person} is reset. They will set up their "
                                      "authenticator app again when they next sign in; we have emailed them.")
            return redirect("partnership:person_detail", pk=person.pk)
    return render(request, "partnership/two_factor/reset.html", {
        "person": person, "form": form, "summary": two_factor_summary(person), "resets": recent_resets(person)})
