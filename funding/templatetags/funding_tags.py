from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def pounds(value):
    """154000 -> "£154,000.00" (pounds and pence, always two places)."""
    if value is None or value == "":
        return ""
    return f"£{Decimal(value):,.2f}"


@register.simple_tag
def querystring_without(query, name):
    """The current filter query without one parameter (for pagination links)."""
    from django.http import QueryDict

    params = QueryDict(query, mutable=True)
    params.pop(name, None)
    return params.urlencode()
