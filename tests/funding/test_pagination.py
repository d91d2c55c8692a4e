"""The register, the officers' list and the risk register come in pages of 50 through the
shared pagination: page links keep the filters, bad page numbers get a page (never a 500), the
query count stays flat across sizes and pages, and the register's CSV is always the whole
filtered list."""

import csv
import io
import re

import pytest
from django.urls import reverse

from funding.models import DecisionStatus, DecisionType
from funding.views import PAGE_SIZE
from tests.factories.funding import DecisionFactory, RiskFactory, SignedDecisionFactory
from tests.support.pagination import (
    assert_bad_pages_answer,
    assert_export_link_drops_the_page,
    assert_second_page,
    with_page,
)

pytestmark = pytest.mark.django_db

REGISTER = reverse("funding:register")
OFFICERS_LIST = reverse("funding:decision_list")
RISKS = reverse("funding:risk_register")


@pytest.fixture
def officer(world, client_for):
    return client_for(world.users["gla_officer"])


def _codes(body: str) -> list[str]:
    return re.findall(r'href="/funding/decisions/([A-Z]+\d+)/"', body)


def test_fifty_a_page():
    assert PAGE_SIZE == 50


def test_register_page_two_keeps_the_filters_and_the_csv_takes_the_whole_list(client):
    matching = SignedDecisionFactory.create_batch(55, decision_type=DecisionType.DIRECTOR, title="Asylum grant")
    SignedDecisionFactory.create_batch(3, decision_type=DecisionType.MAYOR, title="Asylum grant")
    SignedDecisionFactory.create_batch(3, decision_type=DecisionType.DIRECTOR, title="Other work")
    filters = f"q=Asylum&decision_type={DecisionType.DIRECTOR}"
    body = client.get(f"{REGISTER}?{filters}&page=2").content.decode()
    assert_second_page(body, filters, summary="Showing 51 to 55 of 55 signed decisions",
                       label="Pages of signed decisions")
    assert set(_codes(body)) < {d.reference_code for d in matching} and len(_codes(body)) == 5
    assert_export_link_drops_the_page(body, reverse("funding:register_export"), filters)
    rows = list(csv.reader(io.StringIO(client.get(reverse("funding:register_export") + f"?{filters}&page=2")
                                       .getvalue().decode().lstrip("\ufeff"))))
    assert len(rows) - 1 == 55


def test_officers_list_page_two_keeps_the_filters(officer):
    drafts = DecisionFactory.create_batch(53, title="Resettlement grant")
    SignedDecisionFactory.create_batch(4, title="Resettlement grant")
    filters = f"status={DecisionStatus.DRAFT}&q=Resettlement"
    body = officer.get(f"{OFFICERS_LIST}?{filters}&page=2").content.decode()
    assert_second_page(body, filters, summary="Showing 51 to 53 of 53 decisions", label="Pages of decisions")
    assert set(_codes(body)) < {d.reference_code for d in drafts} and len(_codes(body)) == 3


def test_risk_register_page_two(officer):
    for _ in range(52):
        RiskFactory(decision=SignedDecisionFactory())
    # No filters here, but a link never loses what else the address carried.
    body = officer.get(f"{RISKS}?from=dashboard&page=2").content.decode()
    assert_second_page(body, "from=dashboard", summary="Showing 51 to 52 of 52 risks", label="Pages of risks")
    assert body.count("#risks") == 2


def test_one_page_has_no_pagination_and_says_as_much_as_before(officer):
    SignedDecisionFactory.create_batch(3)
    RiskFactory(decision=SignedDecisionFactory())
    register = officer.get(REGISTER).content.decode()
    assert '<p class="govuk-body" role="status">4 signed decisions</p>' in register
    for body in (register, officer.get(OFFICERS_LIST).content.decode(), officer.get(RISKS).content.decode()):
        assert "govuk-pagination" not in body and "Showing " not in body


@pytest.mark.parametrize(("url", "who"), [(REGISTER, None), (REGISTER, "gla_officer"),
                                          (OFFICERS_LIST, "gla_officer"), (RISKS, "gla_officer")])
def test_bad_page_values_answer_200(world, client_for, url, who):
    for _ in range(PAGE_SIZE + 2):
        RiskFactory(decision=SignedDecisionFactory(decision_type=DecisionType.MAYOR))
    client = client_for(world.users[who] if who else None)
    filtered = f"{url}?decision_type={DecisionType.MAYOR}" if url != RISKS else url
    assert_bad_pages_answer(client, filtered)
    last = client.get(with_page(filtered, 99999)).content.decode()
    assert "Showing 51 to 52 of 52" in last
