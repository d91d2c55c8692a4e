"""The public contact form (in English and the ten community languages) and the triage forms of
the enquiry queue (English only, like every signed-in page)."""

from crispy_forms.layout import LayoutObject
from crispy_forms_gds.layout import HTML, ConditionalQuestion, ConditionalRadios, Field, Fluid
from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnership.common.forms import Form, gds_helper
from partnership.models import AccessibleFormat, EnquiryKind, OfferType, Organisation, User

MESSAGE_MAX_LENGTH = 5000
TOO_LONG = _("Enter %(limit_value)d characters or fewer")
NOT_AN_OPTION = _("Select one of the options shown")


class RevealedQuestion(ConditionalQuestion):
    """A radio of a conditional group. Unlike the pack's own template it points
    data-aria-controls (turned into aria-controls by the script) only at content that exists,
    and gives the first radio the field's own id, so the error summary's link lands."""

    template = "partnership/enquiries/gds/conditional_question.html"


class RevealingRadios(ConditionalRadios):
    """The radios of a conditional group, revealed by static/js/conditional-reveal.js rather
    than GOV.UK Frontend's Radios (which sets aria-expanded on radios, refused by axe)."""

    template = "partnership/enquiries/gds/conditional_radios.html"


class RevealingCheckboxes(LayoutObject):
    """A checkbox group with a question revealed under one of its boxes ("Something else" ->
    "What else can you offer?"). The stylesheet hides the question while that box is unticked
    (CSS :has(), so no script is needed); where :has() is not supported the question stays
    visible and, unticked, is ignored."""

    template = "partnership/enquiries/gds/revealing_checkboxes.html"

    def __init__(self, field: str, reveal_on: str, *fields):
        self.field, self.reveal_on, self.fields = field, reveal_on, list(fields)

    def render(self, form, context, template_pack=None, **kwargs):
        revealed = self.get_rendered_fields(form, context, template_pack or "gds", **kwargs)
        return render_to_string(self.template, {"field": form[self.field], "reveal_on": self.reveal_on,
                                                "revealed": revealed, "form_show_errors": True})


def _question(label, *fields):
    return RevealedQuestion(label, *fields)


def _limits(**messages):
    """Every field's messages for an over-long or tampered answer, in the page's language
    (Django's own messages are missing in some of the ten languages)."""
    return {"max_length": TOO_LONG, "invalid_choice": NOT_AN_OPTION, **messages}


phone_number = RegexValidator(r"^\+?[0-9 ()\-]{6,30}$",
                              _("Enter a telephone number, like 020 7983 4000 or +44 20 7983 4000"))


def reply_language_choices():
    return list(settings.LANGUAGES)


class EnquiryForm(Form):
    kind = forms.ChoiceField(
        label=_("What is your message about?"), choices=EnquiryKind.choices, widget=forms.RadioSelect,
        error_messages=_limits(required=_("Select what your message is about")))

    # Shown for an offer of support.
    offer_types = forms.MultipleChoiceField(
        label=_("What can you offer?"), choices=OfferType.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Select all that apply"),
        error_messages=_limits(invalid_list=NOT_AN_OPTION))
    offer_other = forms.CharField(label=_("What else can you offer?"), max_length=200, required=False,
                                  error_messages=_limits())
    offer_where = forms.CharField(
        label=_("Where can you offer it?"), max_length=200, required=False,
        help_text=_("For example, a borough, a part of London, or anywhere in London"), error_messages=_limits())

    # Shown for an accessible-format request.
    document_requested = forms.CharField(
        label=_("Which document do you need?"), max_length=300, required=False,
        help_text=_("Give its title, or the address of the page it is on"), error_messages=_limits())
    accessible_format = forms.ChoiceField(label=_("Which format do you need?"), choices=AccessibleFormat.choices,
                                          required=False, widget=forms.RadioSelect, error_messages=_limits())
    accessible_format_other = forms.CharField(label=_("If another format, which one?"), max_length=100,
                                              required=False, error_messages=_limits())
    assistive_technology = forms.CharField(
        label=_("Which assistive technology do you use? (optional)"), max_length=200, required=False,
        help_text=_("For example, a screen reader or screen magnifier. It helps us make the right version"),
        error_messages=_limits())

    name = forms.CharField(label=_("Your name"), max_length=200,
                           error_messages=_limits(required=_("Enter your name")),
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Email address"), max_length=254,
                             help_text=_("We will only use this to reply to you"),
                             error_messages=_limits(required=_("Enter your email address"),
                                                    invalid=_("Enter an email address in the correct format, "
                                                              "like name@example.com")),
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false",
                                                            "dir": "ltr"}))
    # Starts on the page's language; left out (an old bookmark, a script) it is the page's too.
    reply_language = forms.ChoiceField(
        label=_("Which language should we reply in?"), choices=reply_language_choices, required=False,
        help_text=_("We will write to you in this language if we can"), error_messages=_limits())
    phone = forms.CharField(label=_("Telephone number (optional)"), max_length=30, required=False,
                            validators=[phone_number], error_messages=_limits(),
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "dir": "ltr"}))
    organisation_name = forms.CharField(label=_("Organisation (optional)"), max_length=200, required=False,
                                        error_messages=_limits(),
                                        widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    borough = forms.ModelChoiceField(
        label=_("London borough (optional)"), queryset=Organisation.objects.boroughs(), required=False,
        empty_label=_("Not in London, or prefer not to say"),
        error_messages={"invalid_choice": _("Select a London borough from the list")})
    message = forms.CharField(
        label=_("Your message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Do not include details of anyone's immigration case"),
        error_messages={"required": _("Enter your message"),
                        "max_length": _("Your message must be %(limit_value)s characters or fewer")})
    consent = forms.BooleanField(
        label=_("I agree that the GLA may use the information I have given to answer my message, "
                "as the privacy notice explains"),
        error_messages={"required": _("Confirm that we may use your information to answer you")})
    # The honeypot: hidden from people (display: none, out of the tab order), filled by bots.
    website = forms.CharField(required=False, max_length=200)

    # The order of the check-your-answers page, and the field each "Change" link goes back to.
    SUMMARY_FIELDS = ("kind", "offer_types", "offer_other", "offer_where", "document_requested",
                      "accessible_format", "accessible_format_other", "assistive_technology", "name", "email",
                      "reply_language", "phone", "organisation_name", "borough", "message")
    LEFT_TO_RIGHT = frozenset({"email", "phone"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(EnquiryKind.choices)
        # No maxlength on the message: a browser would cut a long paste silently; the
        # character count and the server's error say so instead, and keep every word.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.fields["reply_language"].initial = translation.get_language()
        # csrf=False: the page's own <form> carries the token.
        self.helper = gds_helper(
            RevealingRadios(
                "kind",
                _question(labels[EnquiryKind.QUESTION]),
                _question(labels[EnquiryKind.CONCERN]),
                _question(labels[EnquiryKind.OFFER_OF_SUPPORT],
                          RevealingCheckboxes("offer_types", OfferType.OTHER, Field.text("offer_other")),
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
            Field.select("reply_language"),
            Field.text("phone", field_width=20),
            Field.text("organisation_name", field_width=Fluid.TWO_THIRDS),
            Field.select("borough"),
            HTML(render_to_string("partnership/enquiries/_immigration_notice.html")),
            Field.textarea("message", max_characters=MESSAGE_MAX_LENGTH),
            HTML(render_to_string("partnership/enquiries/_consent_statement.html",
                                  {"months": settings.ENQUIRY_RETENTION_MONTHS})),
            Field.checkbox("consent", small=True),
            HTML(render_to_string("partnership/enquiries/_honeypot.html")),
            submit=pgettext_lazy("contact form button", "Continue"), csrf=False,
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
                self.add_error("offer_types", _("Select what you can offer"))
            if OfferType.OTHER in offers and not cleaned.get("offer_other", "").strip() \
                    and "offer_other" not in self.errors:
                self.add_error("offer_other", _("Say what else you can offer"))
            if not cleaned.get("offer_where", "").strip() and "offer_where" not in self.errors:
                self.add_error("offer_where", _("Say where you can offer it"))
        elif kind == EnquiryKind.ACCESSIBLE_FORMAT:
            if not cleaned.get("document_requested", "").strip() and "document_requested" not in self.errors:
                self.add_error("document_requested", _("Say which document you need"))
            chosen_format = cleaned.get("accessible_format")
            if not chosen_format and "accessible_format" not in self.errors:
                self.add_error("accessible_format", _("Select the format you need"))
            if chosen_format == AccessibleFormat.OTHER and not cleaned.get("accessible_format_other", "").strip():
                self.add_error("accessible_format_other", _("Say which format you need"))
        return cleaned

    def _errors_outside_kind(self):
        """Errors on fields the chosen kind does not ask for (for example an over-long answer
        left behind after changing kind) must not stop the message being sent; nor may an
        answer to "What else can you offer?" left behind after unticking "Something else"."""
        kind = self.cleaned_data.get("kind") if hasattr(self, "cleaned_data") else None
        ignored = set()
        if kind != EnquiryKind.OFFER_OF_SUPPORT:
            ignored |= {"offer_types", "offer_other", "offer_where"}
        elif OfferType.OTHER not in (self.cleaned_data.get("offer_types") or []):
            ignored.add("offer_other")
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
            "document_requested", "accessible_format", "accessible_format_other", "assistive_technology",
            "reply_language")}
        language = translation.get_language()
        return {**submitted, "borough": data.get("borough"), "offer_types": data.get("offer_types") or [],
                "language": language, "reply_language": data.get("reply_language") or language}

    def answers(self) -> list[dict]:
        """The check-your-answers rows of a valid form: only the questions the chosen kind asks,
        blank optional answers as "Not given", each with the field a "Change" link returns to."""
        data = self.cleaned_data
        kind = data["kind"]
        asked = set(self.SUMMARY_FIELDS)
        if kind != EnquiryKind.OFFER_OF_SUPPORT:
            asked -= {"offer_types", "offer_other", "offer_where"}
        elif OfferType.OTHER not in data.get("offer_types", []):
            asked.discard("offer_other")
        if kind != EnquiryKind.ACCESSIBLE_FORMAT:
            asked -= {"document_requested", "accessible_format", "accessible_format_other",
                      "assistive_technology"}
        elif data.get("accessible_format") != AccessibleFormat.OTHER:
            asked.discard("accessible_format_other")
        rows = []
        for name in self.SUMMARY_FIELDS:
            if name not in asked:
                continue
            field = self.fields[name]
            value = data.get(name)
            if name == "offer_types":
                labels = dict(OfferType.choices)
                value = [labels[code] for code in value]
            elif name == "reply_language":
                value = dict(field.choices)[value or translation.get_language()]
            elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                value = dict(field.choices).get(value, "") if value else ""
            elif name == "borough":
                value = str(value) if value else ""
            anchor = {"kind": "id_kind", "offer_types": "id_offer_types_1",
                      "accessible_format": "id_accessible_format_1"}.get(name, f"id_{name}")
            rows.append({"name": name, "label": field.label, "value": value, "anchor": anchor,
                         "ltr": name in self.LEFT_TO_RIGHT, "multiline": name == "message"})
        return rows


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
