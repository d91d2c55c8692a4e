"""Template helpers for the enquiry pages and the privacy notice."""

from django import template
from django.conf import settings
from django.utils import dateformat
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def enquiry_retention_months() -> int:
    return settings.ENQUIRY_RETENTION_MONTHS


# The reply-by date of the confirmation page and the acknowledgement, as each language writes a
# long date (the day and month names come from Django's own catalogues). Django has no
# Gujarati catalogue, so Gujarati gets the date in figures rather than English names.
LONG_DATE_FORMATS = {
    "en-gb": "l j F Y", "ar": "l، j F Y", "bn": "l, j F Y", "zh-hans": "Y年n月j日 l", "el": "l j E Y",
    "gu": "d/m/Y", "hi": "l, j F Y", "pa": "l, j F Y", "tr": "j F Y l", "ur": "l، j F Y", "vi": "l, j F Y",
}


@register.filter
def long_date(value) -> str:
    return dateformat.format(value, LONG_DATE_FORMATS.get(get_language(), "l j F Y"))
