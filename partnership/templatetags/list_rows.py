"""The rows of the long lists' tables, written in Python as Django's admin writes its changelist
rows (items_for_result): at 100 rows a page, the template's `{% url %}` (reverse() each time),
`truncatechars`, `{% include %}` of a status tag and a dozen variable lookups a row were most of
the action list's time (issue 12). Each row here is one f-string of escaped values; the HTML is
what the templates wrote (tests/partnership/test_list_rows.py keeps the templates to compare).

Also the status and visibility tags, for the pages that show one action or paper."""

import unicodedata

from django import template
from django.template.defaultfilters import filesizeformat, truncatechars
from django.utils import dateformat, timezone
from django.utils.safestring import mark_safe
from django.utils.text import add_truncation_text, calculate_truncate_chars_length

from partnership.common import pk_urls
from partnership.common.escaping import escaped
from partnership.common.pk_urls import pk_url_writer
from partnership.models import ActionStatus, PaperVisibility

register = template.Library()


def shortened(text, length: int) -> str:
    """truncatechars without its walk through every character asking unicodedata which ones
    combine: text no longer than `length` once NFC-normalised (as truncatechars normalises it) is
    never cut, and ASCII text has no combining characters, so it is cut where truncatechars cuts
    it, with the same (translated) ellipsis. Anything else goes to truncatechars."""
    text = unicodedata.normalize("NFC", str(text))
    if len(text) <= length:
        return text
    if text.isascii():
        return add_truncation_text(text[:calculate_truncate_chars_length(length, None)], None)
    return truncatechars(text, length)


class _Days:
    """The `date:"j M Y"` filter's text for each day, worked out once a table (due dates repeat)."""

    def __init__(self):
        self._seen = {}

    def __call__(self, day) -> str:
        text = self._seen.get(day)
        if text is None:
            text = self._seen[day] = escaped(dateformat.format(day, "j M Y"))
        return text


# Keyed by the plain values: a TextChoices member hashes as its name, not as the string it equals.
_ACTION_STATUS_TAGS = {
    ActionStatus.DONE.value: '<strong class="govuk-tag govuk-tag--green">Done</strong>',
    ActionStatus.DROPPED.value: '<strong class="govuk-tag govuk-tag--grey">Dropped</strong>',
    ActionStatus.IN_PROGRESS.value: '<strong class="govuk-tag govuk-tag--blue">In progress</strong>',
}
_ACTION_OPEN_TAG = '<strong class="govuk-tag govuk-tag--yellow">Open</strong>'
_OVERDUE_TAG = '<strong class="govuk-tag govuk-tag--red lsmp-tag-overdue">Overdue</strong> '


def _action_status(action, today) -> str:
    overdue = _OVERDUE_TAG if action.overdue_on(today) else ""
    return overdue + _ACTION_STATUS_TAGS.get(action.status, _ACTION_OPEN_TAG)


@register.simple_tag
def action_status_tag(action):
    """The action's status as a GOV.UK tag, after an "Overdue" tag when it is overdue."""
    return mark_safe(_action_status(action, timezone.localdate()))  # noqa: S308 - fixed markup


_PAPER_VISIBILITY_TAGS = {
    PaperVisibility.PUBLIC.value: '<strong class="govuk-tag govuk-tag--green">Public</strong>',
    PaperVisibility.MEMBERS.value: '<strong class="govuk-tag govuk-tag--blue">Members</strong>',
}
_PAPER_RESTRICTED_TAG = '<strong class="govuk-tag govuk-tag--red">Restricted</strong>'


@register.simple_tag
def paper_visibility_tag(paper):
    """Who may see the paper, as a GOV.UK tag."""
    return mark_safe(_PAPER_VISIBILITY_TAGS.get(paper.visibility, _PAPER_RESTRICTED_TAG))  # noqa: S308


@register.simple_tag
def action_rows(actions):
    """The <tr>s of templates/partnership/actions/table.html: the action (and the meeting it came
    from), its body, owner, due date and status. Reads what actions_for_listing fetches."""
    action_url = pk_url_writer("partnership:action_detail")
    meeting_url = pk_url_writer("partnership:meeting_detail")
    body_url = pk_url_writer("partnership:body_detail")
    day, today = _Days(), timezone.localdate()
    rows = []
    for action in actions:
        meeting = body = ""
        if action.meeting_id:
            meeting = (f'<br><span class="govuk-body-s">From the <a class="govuk-link" '
                       f'href="{meeting_url(action.meeting_id)}">meeting of '
                       f'{day(action.meeting.local_day)}</a></span>')
        if action.body_id:
            body = (f'<a class="govuk-link" href="{body_url(action.body_id)}">'
                    f'<abbr title="{escaped(action.body.name)}">{escaped(action.body.short_name)}</abbr></a>')
        rows.append(
            f'    <tr class="govuk-table__row">\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{action_url(action.pk)}">'
            f'{escaped(shortened(action.description, 120))}</a>{meeting}</td>\n'
            f'      <td class="govuk-table__cell">{body}</td>\n'
            f'      <td class="govuk-table__cell">{escaped(action.owner_display)}</td>\n'
            f'      <td class="govuk-table__cell">{day(action.due_on)}</td>\n'
            f'      <td class="govuk-table__cell">{_action_status(action, today)}</td>\n'
            f'    </tr>\n')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.simple_tag
def paper_rows(papers):
    """The <tr>s of templates/partnership/papers/list.html: the paper (and its agenda item), its
    body, meeting, who may see it, when it was published and its file. Reads what
    papers_for_listing fetches."""
    paper_url = pk_url_writer("partnership:paper_detail")
    download_url = pk_url_writer("partnership:paper_download")
    meeting_url = pk_url_writer("partnership:meeting_detail")
    body_url = pk_url_writer("partnership:body_detail")
    day = _Days()
    rows = []
    for paper in papers:
        title = escaped(paper.title)
        item = meeting = ""
        if paper.agenda_item_id:
            item = (f'<br><span class="govuk-body-s">Item {escaped(paper.agenda_item.position)}: '
                    f'{escaped(paper.agenda_item.title)}</span>')
        if paper.meeting_id:
            meeting = (f'<a class="govuk-link" href="{meeting_url(paper.meeting_id)}">'
                       f'{day(paper.meeting.local_day)}</a>')
        else:
            meeting = "None"
        published = (day(timezone.localtime(paper.published_at).date()) if paper.published_at
                     else '<strong class="govuk-tag govuk-tag--grey">Not published</strong>')
        rows.append(
            f'    <tr class="govuk-table__row">\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{paper_url(paper.pk)}">{title}</a>'
            f'{item}</td>\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{body_url(paper.body_id)}">'
            f'<abbr title="{escaped(paper.body.name)}">{escaped(paper.body.short_name)}</abbr></a></td>\n'
            f'      <td class="govuk-table__cell">{meeting}</td>\n'
            f'      <td class="govuk-table__cell">'
            f'{_PAPER_VISIBILITY_TAGS.get(paper.visibility, _PAPER_RESTRICTED_TAG)}</td>\n'
            f'      <td class="govuk-table__cell">{published}</td>\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{download_url(paper.pk)}" download>'
            f'Download<span class="govuk-visually-hidden"> {title}</span></a> '
            f'({escaped(filesizeformat(paper.size_bytes))})</td>\n'
            f'    </tr>\n')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.simple_tag
def meeting_action_rows(actions, show_item=False, empty=""):
    """The <tr>s of templates/partnership/meetings/_actions.html (the action tables of a meeting's,
    a body's and a minutes page): the action (and its agenda item when `show_item`), owner, due
    date and status, or one row saying there are none. Reads what the meeting selectors'
    ACTION_TABLE_FIELDS fetch."""
    action_url = pk_url_writer("partnership:action_detail")
    day, today = _Days(), timezone.localdate()
    rows = []
    for action in actions:
        item = ""
        if show_item and action.agenda_item_id:
            item = (f'<br><span class="govuk-body-s">Item {escaped(action.agenda_item.position)}: '
                    f'{escaped(action.agenda_item.title)}</span>')
        rows.append(
            f'    <tr class="govuk-table__row">\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{action_url(action.pk)}">'
            f'{escaped(shortened(action.description, 200))}</a>{item}</td>\n'
            f'      <td class="govuk-table__cell">{escaped(action.owner_display)}</td>\n'
            f'      <td class="govuk-table__cell">{day(action.due_on)}</td>\n'
            f'      <td class="govuk-table__cell">{_action_status(action, today)}</td>\n'
            f'    </tr>\n')
    if not rows:
        rows.append(f'    <tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">'
                    f'{escaped(empty or "No open actions.")}</td></tr>\n')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.simple_tag
def meeting_paper_items(papers):
    """The <li>s of a meeting page's papers (templates/partnership/meetings/_paper.html, once a
    paper): its page, its download with the file's size, and a tag while it is unpublished."""
    paper_url = pk_url_writer("partnership:paper_detail")
    download_url = pk_url_writer("partnership:paper_download")
    items = []
    for paper in papers:
        title = escaped(paper.title)
        unpublished = ("" if paper.published_at
                       else ' <strong class="govuk-tag govuk-tag--grey">Not published</strong>')
        items.append(
            f'<li><a class="govuk-link" href="{paper_url(paper.pk)}">{title}</a> '
            f'(<a class="govuk-link" href="{download_url(paper.pk)}" download>download'
            f'<span class="govuk-visually-hidden"> {title}</span></a>, '
            f'{escaped(filesizeformat(paper.size_bytes))}){unpublished}</li>\n')
    return mark_safe("".join(items))  # noqa: S308 - every value above is escaped


@register.simple_tag
def pk_url(name, pk):
    """{% url name pk %} for a page whose one argument is an integer id, without walking the URL
    configuration each time (partnership.common.pk_urls): for the links repeated down a page."""
    return pk_urls.pk_url(name, pk)
