"""Signing in and out, password reset and invitations."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from partnership.common.access import permission_required
from partnership.common.forms import form_data
from partnership.forms.accounts import InvitationForm, NewPasswordForm, OutboxPasswordResetForm, SignInForm
from partnership.services.users import invitation_user, user_accept_invitation, user_invite


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    success_url = reverse_lazy("password_reset_complete")


@require_http_methods(["GET", "POST"])
@permission_required("partnership.invite_user")
def invite_user(request):
    form = InvitationForm(**form_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_invite(email=data["email"], full_name=data["full_name"], job_title=data["job_title"],
                               organisation=data["organisation"], roles=data["roles"],
                               invited_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Invitation sent to {user.email}.")
            return redirect("partnership:invite")
    return render(request, "partnership/accounts/invite.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    user = invitation_user(token)
    if user is None:
        return render(request, "partnership/accounts/invitation_invalid.html", status=404)
    form = NewPasswordForm(user, **form_data(request))
    if request.method == "POST" and form.is_valid():
        user_accept_invitation(user=user, password=form.cleaned_data["new_password1"])
        messages.success(request, "Your password is set. Sign in to continue.")
        return redirect("login")
    return render(request, "partnership/accounts/accept_invitation.html", {"form": form, "invitee": user})
