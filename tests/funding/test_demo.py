"""MD2628 in the demo data shows the totals seed 002 gives, to the penny.

The figures below are read from the seed (002_680180764ee4c0a2.txt), quoted beside each; the
second test reads them again from the seed's own words that the demo holds verbatim."""

import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from funding.demo import md2628 as demo_md2628
from funding.models import Decision, DecisionRelation, DecisionStatus, FundingStream, Line, LineDirection
from funding.services import decision_return_to_draft, decision_submit

pytestmark = pytest.mark.django_db

# "1. receipt of £154,000 of grant funding from the Home Office;"
SEED_HOME_OFFICE_INCOME = Decimal("154000.00")
# "£64,000 'Enabling'", "£60,000 'Resettlement coordination'", "£30,000 'ESOL coordination'"
SEED_HOME_OFFICE_SPEND = {"Enabling": Decimal("64000.00"), "Resettlement coordination": Decimal("60000.00"),
                          "ESOL coordination": Decimal("30000.00")}
# "b) £30,000 from the GLA budget to match fund staffing costs for ESOL coordination."
SEED_GLA_MATCH = Decimal("30000.00")


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return Decision.objects.get(reference_code="MD2628")


def _money(text: str) -> Decimal:
    return Decimal(text.replace("£", "").replace(",", "")).quantize(Decimal("0.01"))


def test_md2628_lines_match_the_seed(demo):
    lines = Line.objects.filter(decision=demo).select_related("source_organisation")
    income = [line for line in lines if line.direction == LineDirection.INCOME]
    assert [(i.amount, i.source_organisation.name, i.financial_year_display) for i in income] == [
        (SEED_HOME_OFFICE_INCOME, "Home Office", "2020/21")]
    assert income[0].confirmed_in_writing  # "confirmed in writing by the Home Office (Appendix A)"
    home_office_spend = {line.purpose: line.amount for line in lines
                         if line.direction == LineDirection.EXPENDITURE and line.source_organisation_id}
    assert home_office_spend == SEED_HOME_OFFICE_SPEND
    assert sum(home_office_spend.values()) == SEED_HOME_OFFICE_INCOME  # "expenditure of the same"
    gla = [line for line in lines if line.source_budget]
    assert [(g.amount, g.direction, g.purpose) for g in gla] == [(SEED_GLA_MATCH, "expenditure", "ESOL coordination")]


def test_md2628_figures_read_from_the_seed_text(demo):
    """The amounts in the seed's own sentences (held verbatim by the demo) equal the lines."""
    posts = dict((purpose, _money(amount)) for amount, purpose in
                 re.findall(r"(£[\d,]+) ‘([^’]+)’", demo_md2628.PART1_FACTS))
    received = _money(re.search(r"receipt of (£[\d,]+)", demo_md2628.DECISION_ITEMS[0][1]).group(1))
    match = _money(re.search(r"(£[\d,]+) from the GLA budget", demo_md2628.DECISION_ITEMS[3][1]).group(1))
    spend = {line.purpose: line.amount for line in demo.lines.filter(direction="expenditure",
                                                                      source_organisation__isnull=False)}
    assert posts == spend
    assert demo.lines.get(direction="income").amount == received
    assert demo.lines.get(source_budget__gt="").amount == match


def test_md2628_page_shows_totals_to_the_penny(demo, client):
    page = client.get(reverse("funding:decision_detail", kwargs={"code": "MD2628"})).content.decode()
    total_income = SEED_HOME_OFFICE_INCOME
    total_spend = sum(SEED_HOME_OFFICE_SPEND.values()) + SEED_GLA_MATCH
    assert f'id="total-income"><strong>£{total_income:,.2f}</strong>' in page  # £154,000.00
    assert f'id="total-expenditure"><strong>£{total_spend:,.2f}</strong>' in page  # £184,000.00
    for purpose, amount in SEED_HOME_OFFICE_SPEND.items():
        assert purpose in page and f"£{amount:,.2f}" in page


class _TableRows(HTMLParser):
    """The rows of the one table whose class includes `table_class`, as lists of cell texts."""

    def __init__(self, table_class: str):
        super().__init__()
        self.table_class, self.inside, self.rows, self.cell = table_class, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and self.table_class in (dict(attrs).get("class") or "").split():
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_md2628_totals_by_source_and_year_match_the_seed(demo, client):
    page = client.get(reverse("funding:decision_detail", kwargs={"code": "MD2628"})).content.decode()
    parser = _TableRows("lsmp-totals")
    parser.feed(page)
    # Decision item 1 and 2a: £154,000 received from the Home Office and spent on the three posts;
    # 2b: £30,000 spent from the GLA's own budget, which brings no income of its own.
    assert parser.rows == [
        ["Source", "Year", "Income", "Expenditure"],
        ["Home Office", "2020/21", "£154,000.00", "£154,000.00"],
        ["GLA budget: Social Integration budget (ESOL Plus programme 2020/21)", "2020/21", "GLA budget",
         "£30,000.00"],
        ["All sources", "2020/21", "£154,000.00", "£184,000.00"],
        ["Total", "£154,000.00", "£184,000.00"],
    ]


def test_md2628_structure_matches_the_seed(demo):
    assert (demo.decision_by, demo.get_decision_type_display(), demo.status) == (
        "Sadiq Khan, Mayor of London", "Mayor", DecisionStatus.SIGNED)
    assert [item.number for item in demo.items.all()] == ["1", "2", "2a", "2b"]
    risks = list(demo.risks.all())
    assert len(risks) == 4 and all((r.probability, r.impact, r.rag.label) == (2, 2, "Green") for r in risks)
    assert [(m.activity, m.timeline) for m in demo.milestones.all()] == [
        ("LSMP Workplan Approved by LSMP", "July 2020"), ("Delivery Start Date", "Ongoing work"),
        ("Delivery End Date", "Ongoing work")]
    related = dict(DecisionRelation.objects.filter(from_decision=demo).values_list("to_decision__reference_code",
                                                                                     "kind"))
    assert related == {"MD2461": "previous_year", "MD2336": "related", "DD2239": "related"}
    signed = demo.documents.get(kind="signed")
    assert signed.title == "MD2628 London Strategic Migration Partnership 2020-21 - SIGNED"
    # Made as every portal PDF is (WeasyPrint, tagged), with its title as text.
    reader = PdfReader(io.BytesIO(signed.file.read()))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "SIGNED" in reader.pages[0].extract_text()
    assert demo.documents.get(kind="appendix").title == "MD2628 Appendix A - Home Office Letter"


def test_demo_has_drafts_a_withdrawn_decision_and_the_streams(demo):
    statuses = set(Decision.objects.values_list("status", flat=True))
    assert statuses == {"draft", "awaiting_signature", "signed", "withdrawn"}
    assert set(FundingStream.objects.values_list("short_name", flat=True)) == {"LSMP", "CMF", "CII"}
    assert FundingStream.objects.get(short_name="CII").target_amount == Decimal("1000000.00")
    assert FundingStream.objects.get(short_name="LSMP").funded_since == 2008
    assert Decision.objects.filter(status="draft").count() >= 2


def test_every_decision_awaiting_signature_passes_the_submit_checks(demo):
    awaiting = list(Decision.objects.filter(status="awaiting_signature"))
    assert [decision.reference_code for decision in awaiting] == ["ADD2101"]
    for decision in awaiting:
        assert decision.items.exists()
        # Back to draft and through decision_submit again: the same checks an officer's submit meets.
        decision_return_to_draft(decision=decision, reason="Demo check", by=None)
        assert decision_submit(decision=decision).status == "awaiting_signature"


def test_the_demo_decision_awaiting_signature_was_submitted_through_the_services(demo):
    # simple-history keeps each save: a draft created, then the submit that sent it for signature.
    history = Decision.objects.get(reference_code="ADD2101").history.order_by("history_date")
    assert list(history.values_list("status", flat=True)) == ["draft", "awaiting_signature"]


def test_demo_is_idempotent(demo):
    def state():
        return (list(Decision.objects.order_by("pk").values_list("pk", "status", "title")),
                list(Line.objects.order_by("pk").values_list("pk", "amount")),
                list(demo.documents.order_by("pk").values_list("pk", "file")))
    before = state()
    call_command("seed_demo", stdout=io.StringIO())
    assert state() == before
