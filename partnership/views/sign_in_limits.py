"""The pages for a refused sign-in (axes' AXES_LOCKOUT_CALLABLE), both answered 429. Neither
says whether an account has the email address: an unknown address is locked the same way."""

from django.shortcuts import render

from partnership.selectors.sign_in_limits import cooloff_minutes


def sign_in_refused(request, original_response=None, credentials=None):
    template = ("registration/sign_in_throttled.html" if getattr(request, "sign_in_address_throttled", False)
                else "registration/locked_out.html")
    return render(request, template, {"cooloff_minutes": cooloff_minutes()}, status=429)
