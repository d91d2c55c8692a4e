"""The base forms: every error message names its field in GOV.UK style, once for every form."""

import importlib
import pkgutil

import pytest
from django import forms

from partnership.common.forms import Form, GdsErrorsMixin, ModelForm, field_words
from partnership.models import Meeting

PORTAL_APPS = ("partnership", "taskgroups", "resettlement", "funding", "esol")


@pytest.mark.parametrize(("label", "noun", "words"), [
    ("Title", "meeting", "the meeting's title"),
    ("Start time", None, "the start time"),
    ("ESOL places", "offer", "the offer's ESOL places"),
    ("Online meeting link (optional)", "meeting", "the meeting's online meeting link"),
    ("Your name", None, "your name"),
    ("Who may see it", "paper", "who may see it"),
])
def test_field_words(label, noun, words):
    assert field_words(label, noun) == words


class _Sample(Form):
    error_noun = "meeting"
    title = forms.CharField(max_length=5)
    body = forms.ChoiceField(choices=[("a", "A")])
    count = forms.IntegerField(min_value=1, label="Number of places")
    day = forms.DateField()
    link = forms.URLField(required=False, label="Online link")
    agree = forms.BooleanField(label="I agree")
    question = forms.CharField(label="What else can you offer?")
    own = forms.CharField(error_messages={"required": "Say what you need"})


def test_required_messages_name_the_field():
    form = _Sample(data={})
    assert not form.is_valid()
    assert form.errors == {
        "title": ["Enter the meeting's title"], "body": ["Select the meeting's body"],
        "count": ["Enter the meeting's number of places"], "day": ["Enter the meeting's day"],
        "agree": ["Select ‘I agree’ to continue"],
        "question": ["Enter an answer to ‘What else can you offer?’"],
        "own": ["Say what you need"],  # a form's own words are kept
    }


def test_invalid_values_say_what_is_expected():
    form = _Sample(data={"title": "far too long", "body": "z", "count": "0", "day": "31/02/2027",
                         "link": "not a link", "agree": "on", "question": "x", "own": "y"})
    assert not form.is_valid()
    assert form.errors == {
        "title": ["The meeting's title must be 5 characters or fewer"],
        "body": ["Select the meeting's body from the list"],
        "count": ["The meeting's number of places must be 1 or more"],
        "day": ["The meeting's day must be a real date, for example 27 3 2027"],
        "link": ["Enter the meeting's online link in the correct format, like https://www.example.org"],
    }
    form = _Sample(data={"count": "lots"})
    form.is_valid()
    assert form.errors["count"] == ["The meeting's number of places must be a whole number, like 4"]


def test_a_model_form_names_its_model():
    class MeetingTitleForm(ModelForm):
        class Meta:
            model = Meeting
            fields = ["title"]

    form = MeetingTitleForm(data={"title": "x" * 500})
    assert not form.is_valid()
    assert form.errors["title"] == ["The meeting's title must be 200 characters or fewer"]


def _portal_form_classes():
    for app in PORTAL_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in module.name or ".management" in module.name or module.name.endswith(".tests"):
                continue
            loaded = importlib.import_module(module.name)
            for value in vars(loaded).values():
                if (isinstance(value, type) and issubclass(value, forms.BaseForm)
                        and value.__module__ == loaded.__name__):
                    yield value


def test_every_form_of_the_portal_gets_the_gds_messages():
    classes = set(_portal_form_classes())
    assert len(classes) > 40  # the walk found the portal's forms
    without = sorted(f"{cls.__module__}.{cls.__name__}" for cls in classes if not issubclass(cls, GdsErrorsMixin))
    assert not without, f"forms that say 'This field is required.': {without}"
