"""The list_rows template helpers write what the template code they replace wrote."""

import datetime

import pytest
from django.template import Context, Template

from partnership.models import Action, ActionStatus, Paper, PaperVisibility

TODAY = datetime.date.today()


@pytest.mark.parametrize("text", ["", "short", "x" * 120, "x" * 121, "y" * 300, "e\u0301" * 130, "e\u0301" * 100,
                                  "café " * 30, "<b>&amp;</b> " * 20])
@pytest.mark.parametrize("length", [1, 60, 120])
def test_shortened_is_truncatechars(text, length):
    rendered = Template("{% load list_rows %}{{ text|shortened:length }}").render(
        Context({"text": text, "length": length}))
    expected = Template("{{ text|truncatechars:length }}").render(Context({"text": text, "length": length}))
    assert rendered == expected


OLD_STATUS_TAG = ('{% if action.is_overdue %}<strong class="govuk-tag govuk-tag--red lsmp-tag-overdue">Overdue'
                  '</strong> {% endif %}{% if action.status == "done" %}<strong class="govuk-tag govuk-tag--green">'
                  'Done</strong>{% elif action.status == "dropped" %}<strong class="govuk-tag govuk-tag--grey">Dropped'
                  '</strong>{% elif action.status == "in_progress" %}<strong class="govuk-tag govuk-tag--blue">'
                  'In progress</strong>{% else %}<strong class="govuk-tag govuk-tag--yellow">Open</strong>{% endif %}')


@pytest.mark.parametrize("status", ActionStatus.values)
@pytest.mark.parametrize("due_on", [TODAY - datetime.timedelta(days=1), TODAY])
def test_action_status_tag_is_the_old_include(status, due_on):
    action = Action(status=status, due_on=due_on)
    context = Context({"action": action})
    assert (Template("{% load list_rows %}{% action_status_tag action %}").render(context)
            == Template(OLD_STATUS_TAG).render(context))


OLD_VISIBILITY_TAG = ('{% if paper.visibility == "public" %}<strong class="govuk-tag govuk-tag--green">Public</strong>'
                      '{% elif paper.visibility == "members" %}<strong class="govuk-tag govuk-tag--blue">Members'
                      '</strong>{% else %}<strong class="govuk-tag govuk-tag--red">Restricted</strong>{% endif %}')


@pytest.mark.parametrize("visibility", PaperVisibility.values)
def test_paper_visibility_tag_is_the_old_include(visibility):
    context = Context({"paper": Paper(visibility=visibility)})
    assert (Template("{% load list_rows %}{% paper_visibility_tag paper %}").render(context)
            == Template(OLD_VISIBILITY_TAG).render(context))


def test_pk_url_is_the_url_tag():
    context = Context({"pk": 31})
    assert (Template("{% load list_rows %}{{ pk|pk_url:'partnership:action_detail' }}").render(context)
            == Template("{% url 'partnership:action_detail' pk %}").render(context))
