"""Forms of the sign-in's second step, the authenticator set-up and a reset by an officer."""

from crispy_forms_gds.layout import Field, Fixed
from django import forms

from partnership.common.forms import Form, gds_helper

CODE_ERRORS = {"required": "Enter the 6-digit code from your authenticator app"}


class AuthenticatorCodeForm(Form):
    code = forms.CharField(
        label="Code from your authenticator app", max_length=20, error_messages=CODE_ERRORS,
        help_text="The 6-digit code your app shows for the LSMP portal, for example 123456",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "spellcheck": "false", "autofocus": True}),
    )

    def __init__(self, *args, submit: str = "Continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("code", field_width=Fixed.TEN), submit=submit)

    def clean_code(self):
        # Apps show the code as "123 456"; a copied code may keep the space.
        code = "".join(ch for ch in self.cleaned_data["code"] if ch not in " -")
        if len(code) != 6 or not code.isascii() or not code.isdigit():
            raise forms.ValidationError("Enter the code as 6 digits, for example 123456")
        return code


class RecoveryCodeForm(Form):
    code = forms.CharField(
        label="Recovery code", max_length=40,
        error_messages={"required": "Enter one of your recovery codes"},
        help_text="One of the codes you saved when you set up two-factor authentication, for example abcd-efgh-jkmn",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none",
                                      "autofocus": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("code", field_width=Fixed.TWENTY), submit="Continue")


class TwoFactorResetForm(Form):
    reason = forms.CharField(
        label="Why are you resetting it, and how did you confirm who asked?", max_length=500,
        error_messages={"required": "Enter why you are resetting it and how you confirmed who asked"},
        help_text="For example: lost phone; confirmed by a video call with them. This is kept as a record.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("reason"), submit="Reset two-factor authentication")
