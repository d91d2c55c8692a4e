"""The public contact form and the triage forms of the enquiry queue."""

from crispy_forms_gds.layout import HTML, ConditionalQuestion, ConditionalRadios, Field, Fluid
from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import Q
from django.template.loader import render_to_string

from partnership.common.forms import Form, gds_helper
from partnership.models import AccessibleFormat, EnquiryKind, OfferType, Organisation, User

MESSAGE_MAX_LENGTH = 5000


class RevealedQuestion(ConditionalQuestion):
    """A radio of a conditional group. Unlike the pack's own template it points
    data-aria-controls (turned into aria-controls by the script) only at content that exists,
    and gives the first radio the field's own id, so the error summary's link lands."""

    template = "partnership/enquiries/gds/conditional_question.html"


class RevealingRadios(ConditionalRadios):
    """The radios of a conditional group, revealed by static/js/conditional-reveal.js rather
    than GOV.UK Frontend's Radios (which sets aria-expanded on radios, refused by axe)."""

    template = "partnership/enquiries/gds/conditional_radios.html"


def _question(label, *fields):
    return RevealedQuestion(label, *fields)


phone_number = RegexValidator(r"^\+?[0-9 ()\-]{6,30}$",
                              "Enter a telephone number, like 020 7983 4000 or +44 20 7983 4000")


class EnquiryForm(Form):
    kind = forms.ChoiceField(
        label="What is your message about?", choices=EnquiryKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what your message is about"})

    # Shown for an offer of support.
    offer_types = forms.MultipleChoiceField(
        label="What can you offer?", choices=OfferType.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text="Select all that apply")
    offer_other = forms.CharField(label="What else can you offer?", max_length=200, required=False)
    offer_where = forms.CharField(
        label="Where can you offer it?", max_length=200, required=False,
        help_text="For example, a borough, a part of London, or anywhere in London")

    # Shown for an accessible-format request.
    document_requested = forms.CharField(
        label="Which document do you need?", max_length=300, required=False,
        help_text="Give its title, or the address of the page it is on")
    accessible_format = forms.ChoiceField(label="Which format do you need?", choices=AccessibleFormat.choices,
                                          required=False, widget=forms.RadioSelect)
    accessible_format_other = forms.CharField(label="If another format, which one?", max_length=100,
                                              required=False)
    assistive_technology = forms.CharField(
        label="Which assistive technology do you use? (optional)", max_length=200, required=False,
        help_text="For example, a screen reader or screen magnifier. It helps us make the right version")

    name = forms.CharField(label="Your name", max_length=200,
                           error_messages={"required": "Enter your name"},
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label="Email address", max_length=254,
                             help_text="We will only use this to reply to you",
                             error_messages={"required": "Enter your email address",
                                             "invalid": "Enter an email address in the correct format, "
                                                        "like name@example.com"},
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}))
    phone = forms.CharField(label="Telephone number (optional)", max_length=30, required=False,
                            validators=[phone_number],
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    organisation_name = forms.CharField(label="Organisation (optional)", max_length=200, required=False,
                                        widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    borough = forms.ModelChoiceField(
        label="London borough (optional)", queryset=Organisation.objects.boroughs(), required=False,
        empty_label="Not in London, or prefer not to say",
        error_messages={"invalid_choice": "Select a London borough from the list"})
    message = forms.CharField(
        label="Your message", max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Do not include details of anyone's immigration case",
        error_messages={"required": "Enter your message",
                        "max_length": f"Your message must be {MESSAGE_MAX_LENGTH:,} characters or fewer"})
    consent = forms.BooleanField(
        label="I agree that the GLA may use the information I have given to answer my message, "
              "as the privacy notice explains",
        error_messages={"required": "Confirm that we may use your information to answer you"})
    # The honeypot: hidden from people (display: none, out of the tab order), filled by bots.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(EnquiryKind.choices)
        # No maxlength on the message: a browser would cut a long paste silently; the
        # character count and the server's error say so instead, and keep every word.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        # csrf=False: the page's own <form> carries the token.
        self.helper = gds_helper(
            RevealingRadios(
                "kind",
                _question(labels[EnquiryKind.QUESTION]),
                _question(labels[EnquiryKind.CONCERN]),
                _question(labels[EnquiryKind.OFFER_OF_SUPPORT],
                          Field.checkboxes("offer_types", small=True),
                          Field.text("offer_other"),
                          Field.text("offer_where")),
                _question(labels[EnquiryKind.GET_INVOLVED]),
                _question(labels[EnquiryKind.ACCESSIBLE_FORMAT],
                          Field.text("document_requested"),
                          Field.radios("accessible_format", small=True),
                          Field.text("accessible_format_other", field_width=Fluid.TWO_THIRDS),
                          Field.text("assistive_technology")),
            ),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("phone", field_width=20),
            Field.text("organisation_name", field_width=Fluid.TWO_THIRDS),
            Field.select("borough"),
            HTML(render_to_string("partnership/enquiries/_immigration_notice.html")),
            Field.textarea("message", max_characters=MESSAGE_MAX_LENGTH),
            HTML(render_to_string("partnership/enquiries/_consent_statement.html",
                                 {"months": settings.ENQUIRY_RETENTION_MONTHS})),
            Field.checkbox("consent", small=True),
            HTML(render_to_string("partnership/enquiries/_honeypot.html")),
            submit="Send message", csrf=False,
        )

    def visible_fields(self):
        # The honeypot is drawn by hand and never listed in the error summary.
        return [field for field in super().visible_fields() if field.name != "website"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        # Only the chosen kind's questions are checked: the others are on the page (the form
        # works without JavaScript) but may be left as they are.
        if kind == EnquiryKind.OFFER_OF_SUPPORT:
            offers = cleaned.get("offer_types") or []
            if not offers and "offer_types" not in self.errors:
                self.add_error("offer_types", "Select what you can offer")
            if OfferType.OTHER in offers and not cleaned.get("offer_other", "").strip():
                self.add_error("offer_other", "Say what else you can offer")
            if not cleaned.get("offer_where", "").strip() and "offer_where" not in self.errors:
                self.add_error("offer_where", "Say where you can offer it")
        elif kind == EnquiryKind.ACCESSIBLE_FORMAT:
            if not cleaned.get("document_requested", "").strip() and "document_requested" not in self.errors:
                self.add_error("document_requested", "Say which document you need")
            chosen_format = cleaned.get("accessible_format")
            if not chosen_format and "accessible_format" not in self.errors:
                self.add_error("accessible_format", "Select the format you need")
            if chosen_format == AccessibleFormat.OTHER and not cleaned.get("accessible_format_other", "").strip():
                self.add_error("accessible_format_other", "Say which format you need")
        return cleaned

    def _errors_outside_kind(self):
        """Errors on fields the chosen kind does not ask for (for example an over-long answer
        left behind after changing kind) must not stop the message being sent."""
        kind = self.cleaned_data.get("kind") if hasattr(self, "cleaned_data") else None
        ignored = set()
        if kind != EnquiryKind.OFFER_OF_SUPPORT:
            ignored |= {"offer_types", "offer_other", "offer_where"}
        if kind != EnquiryKind.ACCESSIBLE_FORMAT:
            ignored |= {"document_requested", "accessible_format", "accessible_format_other",
                        "assistive_technology"}
        return ignored

    def _post_clean(self):
        super()._post_clean()
        if self.cleaned_data.get("kind"):
            for name in self._errors_outside_kind():
                self.errors.pop(name, None)

    @property
    def is_from_a_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def error_links(self):
        """(anchor, message) for the error summary, in the order of the page: radios and
        checkboxes link to their first input, as the GOV.UK pattern asks."""
        first_input = {"kind": "id_kind", "offer_types": "id_offer_types_1",
                       "accessible_format": "id_accessible_format_1", "consent": "id_consent"}
        links = [(f"#{first_input.get(name, 'id_' + name)}", error)
                 for name in self.fields for error in self.errors.get(name, [])]
        return links + [("#id_kind", error) for error in self.non_field_errors()]

    def submission(self) -> dict:
        data = self.cleaned_data
        submitted = {name: data.get(name) or "" for name in (
            "kind", "name", "email", "phone", "organisation_name", "message", "offer_other", "offer_where",
            "document_requested", "accessible_format", "accessible_format_other", "assistive_technology")}
        return {**submitted, "borough": data.get("borough"), "offer_types": data.get("offer_types") or []}


def gla_officers():
    return (User.objects.filter(Q(groups__name="gla_officer") | Q(is_superuser=True), is_active=True)
            .distinct().order_by("full_name", "email"))


class AssignForm(Form):
    assignee = forms.ModelChoiceField(label="Assign to", queryset=User.objects.none(),
                                      error_messages={"required": "Select the officer to assign it to",
                                                      "invalid_choice": "Select a GLA officer from the list"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = gla_officers()
        self.helper = gds_helper(Field.select("assignee"), submit="Assign")


class ResponseForm(Form):
    note = forms.CharField(label="How was it answered?", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text="For example: replied by email with the borough's contact details",
                           error_messages={"required": "Say how the enquiry was answered"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("note"), submit="Record the response")


class SubjectAccessForm(Form):
    email = forms.EmailField(label="Email address", max_length=254,
                             help_text="Every enquiry sent from this address, and the emails we sent to it",
                             error_messages={"required": "Enter the email address to export",
                                             "invalid": "Enter an email address in the correct format, "
                                                        "like name@example.com"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page's form submits by GET (a download): no CSRF token in the address.
        self.helper = gds_helper(Field.text("email", field_width=Fluid.TWO_THIRDS),
                                 submit="Download the CSV", csrf=False)
