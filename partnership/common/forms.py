"""Form kit every app uses: what a view binds its form to, the one GOV.UK layout builder, and
the date and time widgets."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Div, Field, Fluid, Layout, Submit
from django import forms
from django.forms.utils import pretty_name
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from partnership.common.escaping import escaped


def form_data(request) -> dict:
    """Keyword arguments for a form: the posted data and files on a POST, nothing on a GET.

    `Form(request.POST or None)` would leave the form unbound when a POST carries no fields (an
    empty QueryDict is falsy), so the page would come back blank with no errors. A POST is a
    submission whatever it holds, so it binds the form and is validated.

    Usage: `SomeForm(**form_data(request), instance=thing)`."""
    if request.method == "POST":
        return {"data": request.POST, "files": request.FILES}
    # files must be None too: a form given an (empty) dict of files counts as bound.
    return {"data": None, "files": None}


def gds_helper(*fields, submit: str, name: str = "submit", secondary: bool = False,
               draft: str | None = None, csrf: bool = True) -> FormHelper:
    """The one GOV.UK form-helper builder: the given layout fields, then the submit button.

    The page template owns the <form> element, so several forms (or a filter form and a
    table) can share a page. `secondary` is for filter forms, whose button is not the page's
    main action; `draft` adds a second, secondary "save_draft" button beside the first.
    `csrf=False` when the page's own <form> already carries the token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = not csrf
    button = Submit(name, submit, css_class="govuk-button--secondary") if secondary else Submit(name, submit)
    if draft:
        buttons = Div(button, Submit("save_draft", draft, css_class="govuk-button--secondary"),
                      css_class="govuk-button-group")
        helper.layout = Layout(*fields, buttons)
    else:
        helper.layout = Layout(*fields, button)
    return helper


# The button of a filter form: secondary, since filtering is not the page's main action. A filter
# form submits by GET, so it never carries the CSRF token (it would land in the address bar, the
# browser's history and the server's logs).
FILTER_BUTTON = {"submit": "Apply filters", "name": "apply", "secondary": True, "csrf": False}


def field_layout(name: str, field: forms.Field):
    """The GOV.UK layout of one field, chosen by its widget."""
    widget = field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return Field.checkboxes(name)
    if isinstance(widget, forms.RadioSelect):
        return Field.radios(name, legend_size="s")
    if isinstance(widget, forms.CheckboxInput):
        return Field.checkbox(name)
    if isinstance(widget, forms.Select):
        return Field.select(name)
    if isinstance(widget, forms.Textarea):
        return Field.textarea(name)
    if isinstance(widget, forms.DateInput | forms.TimeInput):
        return Field.text(name, field_width=Fluid.ONE_QUARTER)
    return Field.text(name, field_width=Fluid.TWO_THIRDS)


def fields_of(form: forms.BaseForm) -> list:
    """Layout fields for every field of a form, in order, so each form lists its fields once."""
    return [field_layout(name, field) for name, field in form.fields.items()]


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO (YYYY-MM-DD), whatever the locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


# GOV.UK error messages, derived from each field's label, so that no page ever says "This field
# is required." without naming the field. A field's own message (error_messages=...) is kept;
# only Django's generic defaults are replaced.
_OPTIONAL = " (optional)"
# Labels that read on after "Enter"/"Select" as they are ("your name", "who may see it").
_OWN_WORDS = ("your ", "the ", "a ", "an ", "their ", "this ", "each ", "any ", "who ", "what ", "which ",
              "when ", "where ", "how ", "whether ")
_CHOICE_WIDGETS = (forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple, forms.SelectMultiple)


def field_words(label: str, noun: str | None = None) -> str:
    """How an error message names a field: "Start time" of a meeting -> "the meeting's start time";
    "ESOL places" keeps its capitals; "Your name" stays "your name"."""
    label = str(label).strip().rstrip(":")
    if label.endswith(_OPTIONAL):
        label = label[: -len(_OPTIONAL)]
    # Lower the first letter unless the first word is an abbreviation (ESOL, GSS, URL).
    first = label.split(" ", 1)[0]
    words = label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]
    if words.lower().startswith(_OWN_WORDS):
        return words
    return f"the {noun}'s {words}" if noun else f"the {words}"


def _defaults(field: forms.Field) -> dict:
    """Django's generic messages for this kind of field, from every class it inherits from."""
    messages = {}
    for cls in reversed(type(field).__mro__):
        messages.update(getattr(cls, "default_error_messages", {}))
    return {key: str(value) for key, value in messages.items()}


def gds_messages(field: forms.Field, label: str, noun: str | None = None) -> dict:
    """The GOV.UK messages for one field: 'Enter ...' for what is typed, 'Select ...' for what is
    chosen, and what a typed value must be when it is not."""
    if str(label).strip().endswith("?"):
        # A question as the label: the message quotes it rather than rewording it.
        named = f"an answer to ‘{str(label).strip()}’"
        subject = f"The answer to ‘{str(label).strip()}’"
    else:
        named = field_words(label, noun)
        subject = named[:1].upper() + named[1:]
    widget = field.widget
    if isinstance(field, forms.BooleanField):
        required = f"Select ‘{str(label).strip()}’ to continue"
    elif isinstance(field, forms.FileField) or isinstance(widget, _CHOICE_WIDGETS) or isinstance(
            field, forms.ChoiceField | forms.ModelChoiceField):
        required = f"Select {named}"
    else:
        required = f"Enter {named}"
    choose = f"Select {named}"
    messages = {
        "required": required,
        "invalid_choice": f"{choose} from the list",
        "invalid_pk_value": f"{choose} from the list",
        "invalid_list": f"{choose} from the list",
        "max_length": f"{subject} must be %(limit_value)d characters or fewer",
        "min_length": f"{subject} must be %(limit_value)d characters or more",
        "max_value": f"{subject} must be %(limit_value)s or less",
        "min_value": f"{subject} must be %(limit_value)s or more",
        "max_digits": f"{subject} must be %(max)s digits or fewer",
        "max_decimal_places": f"{subject} must have %(max)s decimal places or fewer",
        "max_whole_digits": f"{subject} must be %(max)s digits or fewer before the decimal point",
        "empty": f"The file for {named} is empty",
        "missing": choose,
    }
    if isinstance(field, forms.EmailField):
        messages["invalid"] = f"Enter {named} in the correct format, like name@example.org"
    elif isinstance(field, forms.URLField):
        messages["invalid"] = f"Enter {named} in the correct format, like https://www.example.org"
    elif isinstance(field, forms.DateTimeField):
        messages["invalid"] = f"{subject} must be a real date and time"
    elif isinstance(field, forms.DateField):
        messages["invalid"] = f"{subject} must be a real date, for example 27 3 2027"
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = f"{subject} must be a real time, for example 14:30"
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{subject} must be a whole number, like 4"
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        messages["invalid"] = f"{subject} must be a number, like 1250.50"
    else:
        messages["invalid"] = f"Enter {named} in the correct format"
    return messages


class GdsErrorsMixin:
    """Replaces each field's generic Django messages by GOV.UK ones naming the field.

    `error_noun` names what the form is about ("meeting": "Enter the meeting's date"); a
    ModelForm takes its model's name when the form does not say."""

    error_noun: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        noun = self.error_noun
        if noun is None and getattr(getattr(self, "_meta", None), "model", None) is not None:
            noun = str(self._meta.model._meta.verbose_name)
        for name, field in self.fields.items():
            defaults = _defaults(field)
            ours = gds_messages(field, field.label or pretty_name(name), noun)
            for key, message in ours.items():
                current = field.error_messages.get(key)
                if current is None or str(current) == defaults.get(key):
                    field.error_messages[key] = message


class Form(GdsErrorsMixin, forms.Form):
    """Every form of the portal: GOV.UK error messages naming each field."""


class ModelForm(GdsErrorsMixin, forms.ModelForm):
    """Every model form of the portal: GOV.UK error messages naming each field."""


class LongSelect(forms.Select):
    """A select whose options are written in Python, not through a template each: Django renders
    every option with select_option.html, which for the action list's few hundred owners cost
    as much as the page's table of actions (issue 12). Flat choices only (no groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        chosen = set(self.format_value(value))
        # One f-string an option, not format_html (partnership/common/escaping.py).
        options = mark_safe("".join(  # noqa: S308 - every value and label is escaped here
            f'<option value="{escaped(key)}"{" selected" if str(key) in chosen else ""}>{escaped(label)}</option>'
            for key, label in self.choices))
        # In the order given, as Django's attrs.html writes them (flatatt would sort them).
        attributes = format_html_join("", ' {}="{}"', ((key, value) for key, value in final_attrs.items()
                                                        if value is not True and value not in (False, None)))
        flags = format_html_join("", " {}", ((key,) for key, value in final_attrs.items() if value is True))
        return format_html("<select{}{}>{}</select>", attributes, flags, options)
