"""The list_rows template library writes what the templates it replaced wrote: the rows of the
action and paper tables, the status and visibility tags. The old templates are kept here, verbatim,
and both are rendered from the same rows (HTML compared with the whitespace between tags folded)."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.template.defaultfilters import truncatechars
from django.utils import timezone

from partnership.models import Action, ActionStatus, Paper, PaperVisibility
from partnership.selectors import meetings as meeting_select
from partnership.selectors.actions import actions_for_listing
from partnership.selectors.papers import papers_for_listing
from partnership.templatetags.list_rows import shortened
from tests.factories.meetings import AgendaItemFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import (
    ActionFactory,
    BodyFactory,
    MeetingFactory,
    OrganisationFactory,
    UserFactory,
    gla_officer,
)

TODAY = timezone.localdate()

OLD_STATUS_TAG = (
    '{% if action.is_overdue %}<strong class="govuk-tag govuk-tag--red lsmp-tag-overdue">Overdue</strong> {% endif %}'
    '{% if action.status == "done" %}<strong class="govuk-tag govuk-tag--green">Done</strong>{% elif action.status'
    ' == "dropped" %}<strong class="govuk-tag govuk-tag--grey">Dropped</strong>{% elif action.status == '
    '"in_progress" %}<strong class="govuk-tag govuk-tag--blue">In progress</strong>{% else %}<strong class='
    '"govuk-tag govuk-tag--yellow">Open</strong>{% endif %}')

OLD_VISIBILITY_TAG = (
    '{% if paper.visibility == "public" %}<strong class="govuk-tag govuk-tag--green">Public</strong>{% elif '
    'paper.visibility == "members" %}<strong class="govuk-tag govuk-tag--blue">Members</strong>{% else %}<strong '
    'class="govuk-tag govuk-tag--red">Restricted</strong>{% endif %}')

OLD_ACTION_ROWS = """{% for action in actions %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'partnership:action_detail' action.pk %}">{{ action.description|truncatechars:120 }}</a>{% if action.meeting %}<br><span class="govuk-body-s">From the <a class="govuk-link" href="{% url 'partnership:meeting_detail' action.meeting_id %}">meeting of {{ action.meeting.starts_at|date:"j M Y" }}</a></span>{% endif %}</td>
      <td class="govuk-table__cell">{% if action.body %}<a class="govuk-link" href="{% url 'partnership:body_detail' action.body_id %}"><abbr title="{{ action.body.name }}">{{ action.body.short_name }}</abbr></a>{% endif %}</td>
      <td class="govuk-table__cell">{{ action.owner_display }}</td>
      <td class="govuk-table__cell">{{ action.due_on|date:"j M Y" }}</td>
      <td class="govuk-table__cell">OLD_STATUS_TAG</td>
    </tr>
    {% endfor %}""".replace("OLD_STATUS_TAG", OLD_STATUS_TAG)  # noqa: E501 - the template as it was

OLD_PAPER_ROWS = """{% for paper in papers %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'partnership:paper_detail' paper.pk %}">{{ paper.title }}</a>{% if paper.agenda_item %}<br><span class="govuk-body-s">Item {{ paper.agenda_item.position }}: {{ paper.agenda_item.title }}</span>{% endif %}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'partnership:body_detail' paper.body_id %}"><abbr title="{{ paper.body.name }}">{{ paper.body.short_name }}</abbr></a></td>
      <td class="govuk-table__cell">{% if paper.meeting %}<a class="govuk-link" href="{% url 'partnership:meeting_detail' paper.meeting_id %}">{{ paper.meeting.starts_at|date:"j M Y" }}</a>{% else %}None{% endif %}</td>
      <td class="govuk-table__cell">OLD_VISIBILITY_TAG</td>
      <td class="govuk-table__cell">{% if paper.published_at %}{{ paper.published_at|date:"j M Y" }}{% else %}<strong class="govuk-tag govuk-tag--grey">Not published</strong>{% endif %}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'partnership:paper_download' paper.pk %}" download>Download<span class="govuk-visually-hidden"> {{ paper.title }}</span></a> ({{ paper.size_bytes|filesizeformat }})</td>
    </tr>
    {% endfor %}""".replace("OLD_VISIBILITY_TAG", OLD_VISIBILITY_TAG)  # noqa: E501 - the template as it was

OLD_MEETING_ACTION_ROWS = """{% for action in actions %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'partnership:action_detail' action.pk %}">{{ action.description|truncatechars:200 }}</a>{% if show_item and action.agenda_item %}<br><span class="govuk-body-s">Item {{ action.agenda_item.position }}: {{ action.agenda_item.title }}</span>{% endif %}</td>
      <td class="govuk-table__cell">{{ action.owner_display }}</td>
      <td class="govuk-table__cell">{{ action.due_on|date:"j M Y" }}</td>
      <td class="govuk-table__cell">OLD_STATUS_TAG</td>
    </tr>
  {% empty %}
    <tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">{{ empty|default:"No open actions." }}</td></tr>
  {% endfor %}""".replace("OLD_STATUS_TAG", OLD_STATUS_TAG)  # noqa: E501 - the template as it was

OLD_MEETING_PAPER_ITEMS = """{% for paper in papers %}<li><a class="govuk-link" href="{% url 'partnership:paper_detail' paper.pk %}">{{ paper.title }}</a> (<a class="govuk-link" href="{% url 'partnership:paper_download' paper.pk %}" download>download<span class="govuk-visually-hidden"> {{ paper.title }}</span></a>, {{ paper.size_bytes|filesizeformat }}){% if not paper.published_at %} <strong class="govuk-tag govuk-tag--grey">Not published</strong>{% endif %}</li>
{% endfor %}"""  # noqa: E501 - templates/partnership/meetings/_paper.html as it was


def _folded(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def _render(source: str, **context) -> str:
    return _folded(Template(source).render(Context(context)))


@pytest.mark.parametrize("text", ["", "short", "x" * 120, "x" * 121, "y" * 300, "e\u0301" * 130, "e\u0301" * 100,
                                  "café " * 30, "<b>&amp;</b> " * 20])
@pytest.mark.parametrize("length", [1, 60, 120])
def test_shortened_is_truncatechars(text, length):
    assert shortened(text, length) == truncatechars(text, length)


@pytest.mark.parametrize("status", ActionStatus.values)
@pytest.mark.parametrize("due_on", [TODAY - dt.timedelta(days=1), TODAY])
def test_action_status_tag_is_the_old_include(status, due_on):
    action = Action(status=status, due_on=due_on)
    assert _render("{% load list_rows %}{% action_status_tag action %}", action=action) == _render(
        OLD_STATUS_TAG, action=action)


@pytest.mark.parametrize("visibility", PaperVisibility.values)
def test_paper_visibility_tag_is_the_old_include(visibility):
    paper = Paper(visibility=visibility)
    assert _render("{% load list_rows %}{% paper_visibility_tag paper %}", paper=paper) == _render(
        OLD_VISIBILITY_TAG, paper=paper)


@pytest.mark.django_db
def test_action_rows_are_the_old_template_rows():
    body = BodyFactory(name="Migrants' <Advisory> & \"Panel\"", short_name="M&AP")
    council = OrganisationFactory(name="O'Brien & Sons")
    meeting = MeetingFactory(body=body, starts_at=timezone.now().replace(hour=23, minute=30) - dt.timedelta(days=3))
    ActionFactory(body=body, meeting=meeting, description="Write to <the> council & report " + "é" * 130)
    ActionFactory(body=None, owner_user=UserFactory(full_name="", email="no.name@example.org"),
                  due_on=TODAY - dt.timedelta(days=5), status=ActionStatus.IN_PROGRESS)
    ActionFactory(body=body, owner_user=None, owner_organisation=council, owner_contact="Amira <Khan>",
                  status=ActionStatus.DONE, completed_on=TODAY, due_on=TODAY - dt.timedelta(days=9))
    ActionFactory(body=body, owner_user=None, owner_organisation=council, status=ActionStatus.DROPPED)
    ActionFactory(body=body, due_on=TODAY - dt.timedelta(days=1))
    actions = list(actions_for_listing(gla_officer()))
    assert len(actions) == 5
    assert _render("{% load list_rows %}{% action_rows actions %}", actions=actions) == _render(
        OLD_ACTION_ROWS, actions=actions)


@pytest.mark.django_db
def test_paper_rows_are_the_old_template_rows():
    body = BodyFactory(name="Board & <friends>", short_name="B&F")
    meeting = MeetingFactory(body=body, starts_at=timezone.now().replace(hour=23, minute=45) - dt.timedelta(days=2))
    item = AgendaItemFactory(meeting=meeting, position=3, title="Housing <update> & next steps")
    PaperFactory(body=body, meeting=meeting, agenda_item=item, title="Report \"Q3\" <draft> & more",
                 visibility=PaperVisibility.PUBLIC)
    PaperFactory(body=body, meeting=None, visibility=PaperVisibility.RESTRICTED, published_at=None)
    PaperFactory(body=body, meeting=meeting, visibility=PaperVisibility.MEMBERS, size_bytes=3_500_000)
    papers = list(papers_for_listing(gla_officer()))
    assert len(papers) == 3
    assert _render("{% load list_rows %}{% paper_rows papers %}", papers=papers) == _render(
        OLD_PAPER_ROWS, papers=papers)


@pytest.mark.django_db
@pytest.mark.parametrize("show_item", [True, False])
def test_meeting_action_rows_are_the_old_template_rows(show_item):
    body = BodyFactory()
    meeting = MeetingFactory(body=body)
    item = AgendaItemFactory(meeting=meeting, position=2, title="Housing <update> & next")
    council = OrganisationFactory(name="O'Brien & Sons")
    ActionFactory(body=body, meeting=meeting, agenda_item=item, description="Write to <the> council " + "é" * 210)
    ActionFactory(body=body, meeting=meeting, owner_user=UserFactory(full_name="", email="no.name@example.org"),
                  due_on=TODAY - dt.timedelta(days=5), status=ActionStatus.IN_PROGRESS)
    ActionFactory(body=body, meeting=meeting, owner_user=None, owner_organisation=council,
                  owner_contact="Amira <Khan>", status=ActionStatus.DONE, completed_on=TODAY)
    actions = list(meeting_select.actions_from_meeting(meeting, gla_officer()))
    assert len(actions) == 3
    assert _render("{% load list_rows %}{% meeting_action_rows actions show_item empty %}", actions=actions,
                   show_item=show_item) == _render(OLD_MEETING_ACTION_ROWS, actions=actions, show_item=show_item)


@pytest.mark.django_db
@pytest.mark.parametrize("empty", ["", "No actions recorded at this meeting."])
def test_meeting_action_rows_say_when_there_are_none(empty):
    assert _render("{% load list_rows %}{% meeting_action_rows actions show_item empty %}", actions=[],
                   empty=empty) == _render(OLD_MEETING_ACTION_ROWS, actions=[], empty=empty)


@pytest.mark.django_db
def test_meeting_paper_items_are_the_old_include():
    meeting = MeetingFactory()
    PaperFactory(body=meeting.body, meeting=meeting, title='Report "Q3" <draft> & more', size_bytes=3_500_000)
    PaperFactory(body=meeting.body, meeting=meeting, title="Unpublished", published_at=None)
    papers = list(Paper.objects.filter(meeting=meeting).order_by("title"))
    assert _render("{% load list_rows %}{% meeting_paper_items papers %}", papers=papers) == _render(
        OLD_MEETING_PAPER_ITEMS, papers=papers)


@pytest.mark.django_db
def test_pk_url_is_the_url_tag():
    assert (_render("{% load list_rows %}{% pk_url 'partnership:agenda_item_edit' 42 %}")
            == _render("{% url 'partnership:agenda_item_edit' 42 %}"))
