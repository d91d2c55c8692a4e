from decimal import Decimal

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def pounds(value):
    """154000 -> "£154,000.00" (pounds and pence, always two places)."""
    if value is None or value == "":
        return ""
    return f"£{Decimal(value):,.2f}"


@register.filter(needs_autoescape=True)
def paragraphs(value, autoescape=True):
    """Text typed with blank lines as GOV.UK body paragraphs: Django's |linebreaks gives bare <p>
    tags, which GOV.UK Frontend leaves in the browser's default serif font."""
    if not value:
        return ""
    return mark_safe(linebreaks(value, autoescape).replace("<p>", '<p class="govuk-body">'))  # noqa: S308 (escaped above)
