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


@register.filter
def recorded_pounds(value):
    """A total of lines, or "Not recorded" where there is none: every line is at least £0.01 (the
    line_amount_positive constraint), so a total of nothing is nothing recorded, never £0.00."""
    if value in (None, "") or Decimal(value) == 0:
        return "Not recorded"
    return pounds(value)


@register.filter
def bar_percent(value, most):
    """A bar's length as a whole percentage of the longest, in steps of 2 (the CSS classes)."""
    if not value or not most:
        return 0
    return max(2, min(100, round(Decimal(value) / Decimal(most) * 50) * 2))


@register.filter(needs_autoescape=True)
def paragraphs(value, autoescape=True):
    """Text typed with blank lines as GOV.UK body paragraphs: Django's |linebreaks gives bare <p>
    tags, which GOV.UK Frontend leaves in the browser's default serif font."""
    if not value:
        return ""
    return mark_safe(linebreaks(value, autoescape).replace("<p>", '<p class="govuk-body">'))  # noqa: S308 (escaped above)
