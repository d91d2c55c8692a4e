"""Template filters of the esol pages: money in pounds and pence, and status tags whose words
carry the meaning (the colour only repeats it)."""

from decimal import Decimal

from django import template

register = template.Library()

RETURN_TAGS = {"draft": "govuk-tag--grey", "submitted": "govuk-tag--blue", "returned": "govuk-tag--orange",
               "accepted": "govuk-tag--green"}
ROUND_TAGS = {"planned": "govuk-tag--grey", "open": "govuk-tag--green", "assessing": "govuk-tag--blue",
              "awarded": "govuk-tag--purple", "closed": "govuk-tag--grey"}
PROJECT_TAGS = {"awarded": "govuk-tag--blue", "in_delivery": "govuk-tag--green", "completed": "govuk-tag--grey",
                "withdrawn": "govuk-tag--red"}


@register.filter
def money(value):
    """40000 -> "£40,000.00"; nothing -> "Not recorded"."""
    if value is None or value == "":
        return "Not recorded"
    return f"£{Decimal(value):,.2f}"


@register.filter
def return_tag(status):
    return RETURN_TAGS.get(status, "govuk-tag--grey")


@register.filter
def round_tag(status):
    return ROUND_TAGS.get(status, "govuk-tag--grey")


@register.filter
def project_tag(status):
    return PROJECT_TAGS.get(status, "govuk-tag--grey")


@register.filter
def count_or_target(value):
    return "No target" if value is None else f"{value:,}"
