from decimal import Decimal

from django import template
from django.utils import dateformat
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from funding.models import DecisionStatus
from partnership.common.escaping import escaped
from partnership.common.pk_urls import code_url_writer, pk_url_writer

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


# The rows of the register and the officers' list, written in Python as the lists of partnership
# write theirs (partnership/templatetags/list_rows.py): at 50 rows a page the template's `{% url %}`,
# `date` and `recorded_pounds` lookups a row were most of the register's time (issue 12). The HTML is
# what the templates wrote (tests/funding/test_register_rows.py keeps them to compare).

def _decision_url_writer():
    # MD999999: a reference code the decision page's converter (funding.urls) accepts.
    return code_url_writer("funding:decision_detail", "MD999999")


_STATUS_TAG_CLASSES = {DecisionStatus.SIGNED.value: "govuk-tag--green",
                       DecisionStatus.AWAITING_SIGNATURE.value: "govuk-tag--yellow",
                       DecisionStatus.DRAFT.value: "govuk-tag--light-blue"}


def _status_tag(decision, extra_class: str = "") -> str:
    classes = " ".join(filter(None, ["govuk-tag", _STATUS_TAG_CLASSES.get(decision.status, "govuk-tag--grey"),
                                     escaped(extra_class)]))
    return f'<strong class="{classes}">{escaped(decision.get_status_display())}</strong>'


@register.simple_tag
def decision_status_tag(decision, extra_class=""):
    """The decision's status as a GOV.UK tag, coloured by status."""
    return mark_safe(_status_tag(decision, extra_class))  # noqa: S308 - escaped above


@register.simple_tag
def register_rows(decisions):
    """The <tr>s of templates/funding/decisions/register.html: each signed decision with its type,
    the day it was signed, its income and expenditure and its signed PDF."""
    decision_url = _decision_url_writer()
    document_url = pk_url_writer("funding:document_download")
    rows = []
    for decision in decisions:
        code = escaped(decision.reference_code)
        documents = "".join(
            f'<a class="govuk-link" href="{document_url(document.pk)}">Download<span class="govuk-visually-hidden"> '
            f'the signed {code}</span> (PDF)</a>' for document in decision.signed_documents) or "Not published"
        signed = escaped(dateformat.format(decision.date_signed, "j M Y")) if decision.date_signed else ""
        rows.append(
            f'        <tr class="govuk-table__row">\n'
            f'          <td class="govuk-table__cell">'
            f'<a class="govuk-link" href="{decision_url(decision.reference_code)}">'
            f'{code} {escaped(decision.title)}</a></td>\n'
            f'          <td class="govuk-table__cell">{escaped(decision.get_decision_type_display())}</td>\n'
            f'          <td class="govuk-table__cell">{signed}</td>\n'
            f'          <td class="govuk-table__cell govuk-table__cell--numeric">'
            f'{escaped(recorded_pounds(decision.income_total))}</td>\n'
            f'          <td class="govuk-table__cell govuk-table__cell--numeric">'
            f'{escaped(recorded_pounds(decision.expenditure_total))}</td>\n'
            f'          <td class="govuk-table__cell">{documents}</td>\n'
            f'        </tr>\n')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.simple_tag
def decision_list_rows(decisions):
    """The <tr>s of templates/funding/decisions/list.html (the officers' list): each decision with
    its status tag, funding stream, income and expenditure."""
    decision_url = _decision_url_writer()
    rows = []
    for decision in decisions:
        stream = decision.funding_stream.short_name if decision.funding_stream_id else ""
        rows.append(
            f'        <tr class="govuk-table__row">\n'
            f'          <td class="govuk-table__cell">'
            f'<a class="govuk-link" href="{decision_url(decision.reference_code)}">'
            f'{escaped(decision.reference_code)} {escaped(decision.title)}</a></td>\n'
            f'          <td class="govuk-table__cell">{_status_tag(decision)}</td>\n'
            f'          <td class="govuk-table__cell">{escaped(stream or "Not set")}</td>\n'
            f'          <td class="govuk-table__cell govuk-table__cell--numeric">'
            f'{escaped(recorded_pounds(decision.income_total))}</td>\n'
            f'          <td class="govuk-table__cell govuk-table__cell--numeric">'
            f'{escaped(recorded_pounds(decision.expenditure_total))}</td>\n'
            f'        </tr>\n')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped

