"""Form kit every app uses: what a view binds its form to, the one GOV.UK layout builder, and
the date and time widgets."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Div, Field, Fluid, Layout, Submit
from django import forms
from django.utils.html import format_html, format_html_join


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


# The button of a filter form: secondary, since filtering is not the page's main action.
FILTER_BUTTON = {"submit": "Apply filters", "name": "apply", "secondary": True}


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


class LongSelect(forms.Select):
    """A select whose options are written in Python, not through a template each: Django renders
    every option with select_option.html, which for the action list's few hundred owners cost
    as much as the page's table of actions (issue 12). Flat choices only (no groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        chosen = set(self.format_value(value))
        options = format_html_join(
            "", "<option value=\"{}\"{}>{}</option>",
            ((str(key), " selected" if str(key) in chosen else "", label) for key, label in self.choices))
        # In the order given, as Django's attrs.html writes them (flatatt would sort them).
        attributes = format_html_join("", ' {}="{}"', ((key, value) for key, value in final_attrs.items()
                                                        if value is not True and value not in (False, None)))
        flags = format_html_join("", " {}", ((key,) for key, value in final_attrs.items() if value is True))
        return format_html("<select{}{}>{}</select>", attributes, flags, options)
