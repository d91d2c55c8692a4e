"""filter_form_html writes what `{% crispy form %}` writes, and never a form kept for other
choices, other values or another language."""

import pytest
from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.layout import Field
from django import forms
from django.http import QueryDict
from django.utils import translation

from partnership.common import rendered_forms
from partnership.common.forms import FILTER_BUTTON, LongSelect, gds_helper
from partnership.common.rendered_forms import filter_form_html


class OwnerForm(forms.Form):
    owner = forms.ChoiceField(required=False, widget=LongSelect, label="Owner")
    due = forms.DateField(required=False, label="Due", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Anyone"), *choices]
        self.helper = gds_helper(Field.select("owner"), Field.text("due"), **FILTER_BUTTON)


AMIRA, BEN = ("u1", "Amira Khan"), ("u2", "Ben Osei")


@pytest.fixture(autouse=True)
def nothing_kept():
    rendered_forms._kept.clear()
    yield
    rendered_forms._kept.clear()


def _html(data=None, choices=(AMIRA,)):
    form = OwnerForm(QueryDict(data) if data is not None else None, choices=choices)
    return filter_form_html(form, shape=OwnerForm), render_crispy_form(
        OwnerForm(QueryDict(data) if data is not None else None, choices=choices))


@pytest.mark.parametrize("data", [None, "owner=u1", "owner=u9", "due=31/02/2026", "owner=u1&page=3"])
def test_the_same_html_as_crispy_kept_or_not(data):
    first, expected = _html(data)
    again, _ = _html(data)
    assert first == again == expected


def test_other_choices_are_never_answered_from_a_kept_form():
    mine, _ = _html(choices=(AMIRA,))
    theirs, expected = _html(choices=(BEN,))
    assert "Ben Osei" in theirs and "Amira Khan" not in theirs and theirs == expected
    assert "Amira Khan" in mine and "Ben Osei" not in mine


def test_other_values_and_errors_are_rendered_afresh():
    chosen, _ = _html("owner=u1")
    wrong, expected = _html("owner=u2")  # not a choice: an error
    assert 'value="u1" selected' in chosen and "govuk-error-message" not in chosen
    assert "govuk-error-message" in wrong and wrong == expected


def test_each_language_has_its_own():
    _html()
    with translation.override("ar"):
        _html()
    assert len(rendered_forms._kept) == 2


def test_a_post_form_is_never_kept():
    form = OwnerForm(choices=(AMIRA,))
    form.helper.disable_csrf = False
    filter_form_html(form, shape=OwnerForm)
    assert not rendered_forms._kept


def test_only_a_few_dozen_are_kept():
    for number in range(rendered_forms.KEPT + 10):
        _html(f"owner=u{number}")
    assert len(rendered_forms._kept) == rendered_forms.KEPT
