"""The funding list tags write what the templates they replaced wrote: the rows of the register
and of the officers' list, and a filter select's options. The old templates are kept here,
verbatim, and both are rendered from the same rows (HTML compared with the whitespace between
tags folded)."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from funding import selectors
from funding.filters import DecisionFilter
from funding.models import DecisionStatus, DocumentKind, LineDirection
from tests.factories.funding import (
    DecisionFactory,
    DocumentFactory,
    FunderFactory,
    FundingStreamFactory,
    LineFactory,
    SignedDecisionFactory,
)
from tests.factories.partnership import gla_officer

pytestmark = pytest.mark.django_db

OLD_REGISTER_ROWS = """{% load funding_tags %}{% for decision in decisions %}
        <tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'funding:decision_detail' decision.reference_code %}">{{ decision.reference_code }} {{ decision.title }}</a></td>
          <td class="govuk-table__cell">{{ decision.get_decision_type_display }}</td>
          <td class="govuk-table__cell">{{ decision.date_signed|date:"j M Y" }}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{{ decision.income_total|recorded_pounds }}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{{ decision.expenditure_total|recorded_pounds }}</td>
          <td class="govuk-table__cell">{% for document in decision.signed_documents %}<a class="govuk-link" href="{% url 'funding:document_download' document.pk %}">Download<span class="govuk-visually-hidden"> the signed {{ decision.reference_code }}</span> (PDF)</a>{% empty %}Not published{% endfor %}</td>
        </tr>
      {% endfor %}"""  # noqa: E501 - the template as it was

OLD_STATUS_TAG = """<strong class="govuk-tag {% if decision.status == 'signed' %}govuk-tag--green{% elif decision.status == 'awaiting_signature' %}govuk-tag--yellow{% elif decision.status == 'draft' %}govuk-tag--light-blue{% else %}govuk-tag--grey{% endif %}{% if extra_class %} {{ extra_class }}{% endif %}">{{ decision.get_status_display }}</strong>"""  # noqa: E501

OLD_LIST_ROWS = """{% load funding_tags %}{% for decision in decisions %}
        <tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="{% url 'funding:decision_detail' decision.reference_code %}">{{ decision.reference_code }} {{ decision.title }}</a></td>
          <td class="govuk-table__cell">OLD_STATUS_TAG</td>
          <td class="govuk-table__cell">{{ decision.funding_stream.short_name|default:"Not set" }}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{{ decision.income_total|recorded_pounds }}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{{ decision.expenditure_total|recorded_pounds }}</td>
        </tr>
      {% endfor %}""".replace("OLD_STATUS_TAG", OLD_STATUS_TAG)  # noqa: E501 - the template as it was



def _render(source: str, **context) -> str:
    return re.sub(r">\s+<", "><", Template(source).render(Context(context))).strip()


def _decisions():
    stream = FundingStreamFactory(short_name="LSMP")
    signed = SignedDecisionFactory(title='Grant "for" <London> & more', funding_stream=stream)
    LineFactory(decision=signed, amount=Decimal("154000.00"))
    LineFactory(decision=signed, direction=LineDirection.EXPENDITURE, amount=Decimal("1234.56"),
                source_organisation=None, source_budget="Migration Team")
    DocumentFactory(decision=signed, kind=DocumentKind.SIGNED, title="Signed")
    SignedDecisionFactory(title="Nothing recorded")
    DecisionFactory(status=DecisionStatus.AWAITING_SIGNATURE)
    DecisionFactory(status=DecisionStatus.WITHDRAWN, funding_stream=FundingStreamFactory(short_name="ESOL"))
    DecisionFactory()


def test_register_rows_are_the_old_template_rows():
    _decisions()
    decisions = list(selectors.register_decisions(gla_officer()))
    assert len(decisions) == 2
    assert _render("{% load funding_tags %}{% register_rows decisions %}", decisions=decisions) == _render(
        OLD_REGISTER_ROWS, decisions=decisions)


def test_officer_list_rows_are_the_old_template_rows():
    _decisions()
    decisions = list(selectors.decisions_for_listing(gla_officer()))
    assert len(decisions) == 5
    assert _render("{% load funding_tags %}{% decision_list_rows decisions %}", decisions=decisions) == _render(
        OLD_LIST_ROWS, decisions=decisions)


@pytest.mark.parametrize("extra_class", ["", "lsmp-decision__status"])
def test_status_tag_is_the_old_include(extra_class):
    _decisions()
    for decision in selectors.decisions_for_listing(gla_officer()):
        assert _render("{% load funding_tags %}{% decision_status_tag decision extra_class %}", decision=decision,
                       extra_class=extra_class) == _render(OLD_STATUS_TAG, decision=decision, extra_class=extra_class)


@pytest.mark.parametrize("query", [{}, {"year": "2020"}, {"decision_type": "mayor"}, {"funder": "FUNDER"},
                                   {"funder": "not-a-funder"}])
def test_filter_selects_are_govuk_selects_with_the_sent_value_chosen(query):
    decision = SignedDecisionFactory()
    funder = FunderFactory(name="O'Neill & <Co>")
    LineFactory(decision=decision, source_organisation=funder)
    query = {key: str(funder.pk) if value == "FUNDER" else value for key, value in query.items()}
    officer = gla_officer()
    form = DecisionFilter(RequestFactory().get("/funding/", query).GET or None,
                          queryset=selectors.register_decisions(officer), user=officer).form
    for name in ("year", "decision_type", "funder"):
        html = _render("{{ field }}", field=form[name])
        assert html.startswith(f'<select name="{name}" class="govuk-select"') and f'id="id_{name}"' in html, html
        sent = query.get(name)
        valid = sent is not None and any(str(value) == sent for value, _ in form.fields[name].choices)
        assert (f'value="{sent}" selected' in html) is valid
    assert "O&#x27;Neill &amp; &lt;Co&gt;" in _render("{{ field }}", field=form["funder"])
