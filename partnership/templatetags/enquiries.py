"""Template helpers for the enquiry pages and the privacy notice."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def enquiry_retention_months() -> int:
    return settings.ENQUIRY_RETENTION_MONTHS
