"""/search/: results grouped and paged, filters, bad input answered with GOV.UK errors, and as
many queries for a full page as for a few rows."""

import pytest

from partnership.models import PaperVisibility
from partnership.search.services import search_index
from partnership.search.views import PAGE_SIZE
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory
from tests.support.queries import assert_flat_query_count

pytestmark = pytest.mark.django_db


def _papers(world, count, word="hostel"):
    for _ in range(count):
        search_index(PaperFactory(body=world.mrap, title=f"The {word} review", visibility=PaperVisibility.PUBLIC))


def test_query_count_is_flat_from_a_few_results_to_a_full_page(world, client_for):
    client = client_for(world.users["gla_officer"])
    small, large = assert_flat_query_count(client, "/search/?q=hostel", lambda n: _papers(world, n), large=PAGE_SIZE)
    assert large.content.decode().count("<mark>hostel</mark> review") == PAGE_SIZE


def test_results_are_paged_and_grouped_with_counts_per_group(world, client_for):
    _papers(world, PAGE_SIZE + 3)
    search_index(ActionFactory(body=world.mrap, description="Find a hostel place"))
    client = client_for(world.users["gla_officer"])
    first = client.get("/search/", {"q": "hostel"}).content.decode()
    assert f"Showing 1 to {PAGE_SIZE} of {PAGE_SIZE + 4} results" in first
    assert f"Papers ({PAGE_SIZE + 3})" in first and "Actions (1)" in first and f"Everything ({PAGE_SIZE + 4})" in first
    last = client.get("/search/", {"q": "hostel", "page": 2}).content.decode()
    assert f"Showing {PAGE_SIZE + 1} to {PAGE_SIZE + 4} of {PAGE_SIZE + 4} results" in last
    only_actions = client.get("/search/", {"q": "hostel", "kind": "actions"}).content.decode()
    assert "<mark>hostel</mark> place" in only_actions
    assert "The hostel review" not in only_actions


@pytest.mark.parametrize(("params", "message"), [
    ({"q": "hostel", "date_from": "2026-05-01", "date_to": "2026-04-01"},
     "The to date must be the same as or after the from date"),
    ({"q": "hostel", "date_from": "31/02/2026"}, "Enter the from date as a real date"),
    ({"q": "x" * 201}, "Enter at most 200 characters to search for"),
    ({"q": "hostel", "kind": "no-such-kind"}, "Select a kind of result from the list"),
    ({"q": "hostel", "body": "999999"}, "Select a body from the list"),
])
def test_bad_filters_get_a_govuk_error_and_keep_what_was_typed(world, client, params, message):
    response = client.get("/search/", params)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert "<title>Error: " in page
    assert f'value="{params["q"][:50]}' in page


def test_an_empty_search_shows_the_form_only(client):
    page = client.get("/search/", {"q": "   "}).content.decode()
    assert "Enter the words you are looking for" in page
    assert "There are no results" not in page


def test_the_header_search_box_is_on_every_page_and_keeps_the_words(client):
    assert 'role="search"' in client.get("/").content.decode()
    assert 'id="site-search" name="q" type="search" spellcheck="false" value="asylum"' in (
        client.get("/search/", {"q": "asylum"}).content.decode())


def test_an_exact_reference_comes_first_under_its_own_heading(world, client):
    from tests.factories.funding import SignedDecisionFactory

    search_index(SignedDecisionFactory(reference_code="MD2461", title="Earlier grant, followed by MD2628"))
    search_index(SignedDecisionFactory(reference_code="MD2628", title="London Strategic Migration Partnership 2020/21"))
    page = client.get("/search/", {"q": "MD2628"}).content.decode()
    main = page[page.index("<main"):]
    assert main.index("Matching reference") < main.index("MD2628 London")
    # The kind's heading stands once, after the exact match.
    assert main.count('<h2 class="govuk-heading-m">Funding decisions</h2>') <= 1
