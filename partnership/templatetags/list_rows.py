"""Template helpers for what a list writes once per row: a row's links, its status tag, its
shortened text. Each costs a few microseconds where `{% url %}`, `{% include %}` and
`truncatechars` cost tens to hundreds: at a hundred rows a page they were half of the action
list's table (issue 12). The HTML is the same as theirs."""

import unicodedata

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from partnership.common.pk_urls import pk_url as _pk_url
from partnership.models import ActionStatus, PaperVisibility

register = template.Library()


@register.filter
def pk_url(pk, name):
    """`{{ action.pk|pk_url:"partnership:action_detail" }}`: the same address as
    `{% url "partnership:action_detail" action.pk %}` for a page whose one argument is an id."""
    return _pk_url(name, pk)


@register.filter(is_safe=True)
def shortened(value, length):
    """truncatechars, answering at once for text that fits: truncatechars walks every character
    (asking unicodedata which combine) even when nothing is cut. Text already no longer than
    `length` (once NFC-normalised, as truncatechars does) is never cut."""
    text = unicodedata.normalize("NFC", str(value))
    if len(text) <= int(length):
        return text
    return truncatechars(text, length)


# Keyed by the plain values: a TextChoices member hashes as its name, not as the string it equals.
_ACTION_STATUS_TAGS = {
    ActionStatus.DONE.value: ("govuk-tag--green", "Done"),
    ActionStatus.DROPPED.value: ("govuk-tag--grey", "Dropped"),
    ActionStatus.IN_PROGRESS.value: ("govuk-tag--blue", "In progress"),
}
_ACTION_OPEN_TAG = ("govuk-tag--yellow", "Open")
_OVERDUE_TAG = mark_safe('<strong class="govuk-tag govuk-tag--red lsmp-tag-overdue">Overdue</strong> ')  # noqa: S308 - fixed text


@register.simple_tag
def action_status_tag(action):
    """The action's status as a GOV.UK tag, after an "Overdue" tag when it is overdue."""
    colour, words = _ACTION_STATUS_TAGS.get(action.status, _ACTION_OPEN_TAG)
    overdue = _OVERDUE_TAG if action.is_overdue else ""
    return format_html('{}<strong class="govuk-tag {}">{}</strong>', overdue, colour, words)


_PAPER_VISIBILITY_TAGS = {
    PaperVisibility.PUBLIC.value: ("govuk-tag--green", "Public"),
    PaperVisibility.MEMBERS.value: ("govuk-tag--blue", "Members"),
}
_PAPER_RESTRICTED_TAG = ("govuk-tag--red", "Restricted")


@register.simple_tag
def paper_visibility_tag(paper):
    """Who may see the paper, as a GOV.UK tag."""
    colour, words = _PAPER_VISIBILITY_TAGS.get(paper.visibility, _PAPER_RESTRICTED_TAG)
    return format_html('<strong class="govuk-tag {}">{}</strong>', colour, words)
