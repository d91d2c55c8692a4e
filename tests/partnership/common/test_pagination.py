"""The shared pagination helper and its template: page links keep the other parameters,
long ranges fold into ellipses, and no page value a browser can send raises."""

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from partnership.common.pagination import PAGE_SIZE, page_url, paginate, without_page
from partnership.models import Organisation

ROWS = list(range(1, 301))  # 300 rows: 12 pages of 25
NOUN = ("offer", "offers")


def _page(query: str, rows=ROWS):
    return paginate(QueryDict(query), rows, noun=NOUN)


def test_a_page_link_keeps_every_other_parameter_and_replaces_the_page():
    query = QueryDict("status=submitted&borough=3&borough=4&q=a+b%26c&sort=-date&page=7")
    url = page_url(query, 2)
    assert dict(QueryDict(url.removeprefix("?")).lists()) == dict(QueryDict(
        "status=submitted&borough=3&borough=4&q=a+b%26c&sort=-date&page=2").lists())
    assert url.count("page=") == 1
    assert "page" not in without_page(query) and without_page(query).getlist("borough") == ["3", "4"]


def test_twenty_five_rows_a_page_and_the_summary_line():
    assert PAGE_SIZE == 25
    pagination = _page("page=2", rows=list(range(73)))
    assert list(pagination.page.object_list) == list(range(25, 50))
    assert pagination.summary == "Showing 26 to 50 of 73 offers"
    assert _page("page=3", rows=list(range(73))).summary == "Showing 51 to 73 of 73 offers"


@pytest.mark.parametrize(("rows", "summary"), [(1, "1 offer"), (5, "5 offers"), (25, "25 offers"), (0, "0 offers")])
def test_one_page_has_no_links_and_a_plain_count(rows, summary):
    pagination = _page("", rows=list(range(rows)))
    assert pagination.summary == summary
    assert not pagination.has_other_pages
    assert render_to_string("includes/pagination.html", {"pagination": pagination}).strip() == ""


def _numbers(pagination):
    return [link.number or "…" for link in pagination.links]


@pytest.mark.parametrize(("page", "numbers"), [
    (1, [1, 2, "…", 12]),
    (3, [1, 2, 3, 4, "…", 12]),
    (6, [1, "…", 5, 6, 7, "…", 12]),
    (12, [1, "…", 11, 12]),
])
def test_long_ranges_fold_into_ellipses_around_the_current_page(page, numbers):
    pagination = _page(f"page={page}")
    assert _numbers(pagination) == numbers
    assert [link.number for link in pagination.links if link.current] == [page]


def test_short_ranges_list_every_page():
    assert _numbers(_page("page=2", rows=list(range(100)))) == [1, 2, 3, 4]


@pytest.mark.parametrize(("value", "shown"), [
    ("abc", 1), ("1.5", 1), ("", 1), ("%00", 1), ("0", 12), ("-1", 12), ("99999", 12), (str(10**30), 12),
    ("2", 2),
])
def test_a_bad_page_value_gives_the_first_or_last_page(value, shown):
    assert _page(f"page={value}").page.number == shown


def test_the_first_and_last_pages_have_no_previous_and_no_next():
    first, last = _page("page=1"), _page("page=12")
    assert first.previous_url == "" and first.next_url == "?page=2"
    assert last.next_url == "" and last.previous_url == "?page=11"


def test_the_template_follows_the_govuk_pagination_markup():
    html = render_to_string("includes/pagination.html",
                            {"pagination": _page("status=x&page=6"), "label": "Pages of offers"})
    assert '<nav class="govuk-pagination lsmp-no-print" aria-label="Pages of offers">' in html
    assert 'href="?status=x&amp;page=5" rel="prev"' in html
    assert 'href="?status=x&amp;page=7" rel="next"' in html
    assert html.count('aria-current="page"') == 1
    assert 'aria-label="Page 6" aria-current="page">6</a>' in html
    assert "govuk-pagination__item--current" in html
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert html.count('class="govuk-pagination__item') == 7
    assert "style=" not in html  # the CSP forbids inline styles


def test_the_template_has_a_default_label():
    html = render_to_string("includes/pagination.html", {"pagination": _page("page=1")})
    assert 'aria-label="Pagination"' in html
    assert "rel=\"prev\"" not in html and "rel=\"next\"" in html


@pytest.mark.django_db
def test_the_count_stops_at_the_cap_in_one_query(monkeypatch, django_assert_num_queries):
    """Issue 12: a list of 100,000 rows is not counted in full on every page view."""
    from partnership.common import pagination as module
    from tests.factories.partnership import OrganisationFactory

    for _ in range(12):
        OrganisationFactory()
    monkeypatch.setattr(module, "COUNT_CAP", 10)
    queryset = Organisation.objects.order_by("pk")
    with django_assert_num_queries(2):  # the capped count and the page's rows
        pagination = module.paginate(QueryDict(""), queryset, noun=("organisation", "organisations"), per_page=5)
        rows = list(pagination.page.object_list)
    assert len(rows) == 5
    assert pagination.summary == "Showing 1 to 5 of more than 10 organisations"
    monkeypatch.setattr(module, "COUNT_CAP", 12)
    assert module.paginate(QueryDict(""), queryset, noun=("organisation", "organisations"),
                           per_page=5).summary == "Showing 1 to 5 of 12 organisations"


def test_the_summary_writes_thousands_with_commas():
    summary = paginate(QueryDict("page=21"), list(range(2064)), noun=("meeting", "meetings"), per_page=50).summary
    assert summary == "Showing 1,001 to 1,050 of 2,064 meetings"
    assert paginate(QueryDict(""), list(range(1500)), noun=("offer", "offers"), per_page=2000).summary == "1,500 offers"
