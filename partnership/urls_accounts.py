from django.contrib.auth import views as auth_views
from django.urls import path

from .views import accounts, two_factor

urlpatterns = [
    path("login/", accounts.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("invitation/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
    # Two-factor authentication of GLA officers and superusers.
    path("two-factor/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/recovery-code/", two_factor.recovery, name="two_factor_recovery"),
    path("two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("two-factor/set-up/qr-code.svg", two_factor.qr_code, name="two_factor_qr_code"),
    path("security/", two_factor.manage, name="two_factor_manage"),
    path("security/recovery-codes/", two_factor.new_recovery_codes, name="two_factor_new_recovery_codes"),
]
