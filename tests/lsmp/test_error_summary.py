"""Every link in a form's error summary goes to an input that exists on the page."""

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.template import Context, Template


class _Sample(forms.Form):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field.text("name"), Field.radios("kind"), Field.checkboxes("tags"),
                                    Field.checkbox("agree"))


def test_each_error_link_targets_an_input_on_the_page():
    form = _Sample(data={})
    assert not form.is_valid()
    html = Template("{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}{% crispy form %}").render(
        Context({"form": form}))
    targets = re.findall(r'<li><a href="#([^"]+)"', html)
    assert len(targets) == 4
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    assert set(targets) <= ids, f"summary links with no target: {set(targets) - ids}"
