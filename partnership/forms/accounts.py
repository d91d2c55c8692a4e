from crispy_forms_gds.layout import Field, Fluid
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from partnership.common.forms import Form, GdsErrorsMixin, gds_helper
from partnership.models import Organisation, Role
from partnership.notifications.services.outbox import notification_enqueue
from partnership.roles import account_role, invitable_role_choices


class SignInForm(GdsErrorsMixin, AuthenticationForm):
    username = forms.EmailField(label="Email address", max_length=254,
                                widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct email address and password. Both are case-sensitive.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.helper = gds_helper(Field.text("username", field_width=Fluid.TWO_THIRDS),
                                 Field.text("password", field_width=Fluid.TWO_THIRDS), submit="Sign in")


class OutboxPasswordResetForm(GdsErrorsMixin, PasswordResetForm):
    """Password reset through the outbox, like every other email of the portal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("email", field_width=Fluid.TWO_THIRDS), submit="Send the link")

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        from django.template import loader
        from django.utils import timezone

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        notification_enqueue(
            kind="user.password_reset", subject_key=f"partnership.user:{context['user'].pk}",
            recipient=context["user"], slot=timezone.now().isoformat(), subject=subject,
            body_text=loader.render_to_string(email_template_name, context),
        )


class NewPasswordForm(GdsErrorsMixin, SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].widget.attrs["autocomplete"] = "new-password"
        self.fields["new_password2"].widget.attrs["autocomplete"] = "new-password"
        self.helper = gds_helper(Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
                                 Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
                                 submit="Set password")


class InvitationForm(Form):
    full_name = forms.CharField(max_length=200)
    email = forms.EmailField(label="Email address", max_length=254)
    job_title = forms.CharField(max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False,
        help_text="Where they work: a role that acts for an organisation (a borough officer's, say) needs one")
    roles = forms.MultipleChoiceField(choices=invitable_role_choices, required=False,
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text="Panel and board members need no role: their "
                                                "memberships give them access")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("full_name"), Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("job_title"), Field.select("organisation"), Field.checkboxes("roles"),
            submit="Send invitation",
        )

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        # Other roles that need an organisation (an ESOL provider's) are checked by user_grant_role,
        # whose error the view puts beside this field.
        if Role.BOROUGH_OFFICER in cleaned.get("roles", []) and not (organisation and organisation.is_borough):
            self.add_error("organisation", account_role(Role.BOROUGH_OFFICER).needs_organisation)
        return cleaned
