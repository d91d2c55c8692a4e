"""LongSelect writes the same select Django's template-rendered one does, without a template per
option (issue 12: the action list's few hundred owners)."""

import re

from django import forms

from partnership.common.forms import LongSelect

CHOICES = [("", "Anyone"), ("u1", "Amira <Khan> & co"), ("o2", "London Councils")]


def _html(widget, value):
    class Form(forms.Form):
        owner = forms.ChoiceField(choices=CHOICES, required=False, widget=widget)

    html = str(Form({"owner": value})["owner"])
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def test_the_same_html_as_djangos_select():
    for value in ("", "u1", "o2"):
        assert _html(LongSelect, value) == _html(forms.Select, value), value


def test_labels_are_escaped_and_the_choice_is_selected():
    html = _html(LongSelect, "u1")
    assert '<option value="u1" selected>Amira &lt;Khan&gt; &amp; co</option>' in html
    assert 'name="owner"' in html and 'id="id_owner"' in html


def test_crispy_gives_it_the_govuk_select_class():
    """crispy-forms-gds picks a widget's GOV.UK class by the widget's class name: a LongSelect
    must come out as a GOV.UK select, as the template-rendered one does."""
    from crispy_forms.utils import render_crispy_form
    from crispy_forms_gds.layout import Field

    from partnership.common.forms import gds_helper

    class Form(forms.Form):
        owner = forms.ChoiceField(choices=CHOICES, required=False, widget=LongSelect)

    form = Form()
    form.helper = gds_helper(Field.select("owner"), submit="Apply")
    html = render_crispy_form(form)
    assert 'class="govuk-select"' in html and "longselect" not in html


def test_crispy_gives_date_number_and_address_inputs_the_govuk_input_class():
    """The package styles text, email and password inputs only; the others must not come out
    with the widget's own class name (drawn with the browser's default border)."""
    from crispy_forms.utils import render_crispy_form
    from crispy_forms_gds.layout import Field

    from partnership.common.forms import DateInput, gds_helper

    class Form(forms.Form):
        due_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
        agreed_on = forms.DateField(required=False, widget=DateInput())
        people = forms.IntegerField(required=False)
        link = forms.URLField(required=False)

    form = Form()
    form.helper = gds_helper(*(Field.text(name) for name in form.fields), submit="Apply")
    html = render_crispy_form(form)
    assert html.count('class="govuk-input') == 4, html
    for unstyled in ("dateinput", "numberinput", "urlinput"):
        assert unstyled not in html
