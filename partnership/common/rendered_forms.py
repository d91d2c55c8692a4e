"""A filter form's HTML, rendered by crispy-forms once for each thing it can show.

crispy-forms-gds renders a field through half a dozen templates: the action list's filter form of
eight fields cost as much as its table of 100 rows (issue 12). A GET filter form's HTML is made
from nothing but its fields (labels, widgets, choices), the values it was sent (and the errors
those give, found from the same values and choices), its layout and the language; it carries no
CSRF token and nothing of the request or the user. So the HTML is kept, a few dozen forms a
process, under a key made of all of those; the same form with other choices (another user's
scope, an owner added a moment ago) or other values has another key and is rendered afresh.
Nothing is kept for a form whose HTML could depend on anything else (a POST form, files, a
widget of several inputs)."""

import threading
from collections import OrderedDict

from crispy_forms.utils import render_crispy_form
from django import forms
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

KEPT = 64  # forms a process keeps: the lists' default pages and their common filters
_kept: OrderedDict[tuple, str] = OrderedDict()
_lock = threading.Lock()


def _field_key(name: str, field: forms.Field, form: forms.Form) -> tuple | None:
    widget = field.widget
    if isinstance(widget, forms.MultiWidget) or isinstance(field, forms.FileField):
        return None  # reads several data keys, or files: not worth keeping
    choices = tuple((str(value), str(label)) for value, label in field.choices) if hasattr(field, "choices") \
        else None
    sent = tuple(form.data.getlist(form.add_prefix(name))) if form.is_bound else None
    return (name, type(field), type(widget), str(field.label), str(field.help_text), field.required,
            field.disabled, str(field.initial), tuple(sorted((k, str(v)) for k, v in widget.attrs.items())), choices,
            sent)


def _key(shape, form: forms.Form) -> tuple | None:
    helper = getattr(form, "helper", None)
    if helper is None or helper.form_tag or not helper.disable_csrf:
        return None  # not a GET filter form with its <form> in the page's template
    fields = tuple(_field_key(name, field, form) for name, field in form.fields.items())
    if None in fields:
        return None
    return (shape, get_language(), form.is_bound, form.prefix, form.auto_id, fields)


def filter_form_html(form: forms.Form, *, shape) -> SafeString:
    """The form as `{% crispy form %}` renders it. `shape` names what builds the form's layout
    (the filter set's class): the layout must follow from it and the form's field names."""
    key = _key(shape, form)
    if key is not None:
        with _lock:
            html = _kept.get(key)
            if html is not None:
                _kept.move_to_end(key)
                return mark_safe(html)  # noqa: S308 - crispy's own output, kept
    html = render_crispy_form(form)
    if key is not None:
        with _lock:
            _kept[key] = str(html)
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
    return mark_safe(html)  # noqa: S308 - crispy's own output
