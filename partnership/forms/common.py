"""A GOV.UK layout for a form built from its own fields, so each form lists its fields once."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Submit
from django import forms


def _layout_field(name, field):
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


def auto_helper(form: forms.BaseForm, *, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # the page template owns the <form> element
    helper.layout = Layout(*[_layout_field(name, field) for name, field in form.fields.items()],
                           Submit("submit", submit))
    return helper


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO (YYYY-MM-DD), whatever the locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")
