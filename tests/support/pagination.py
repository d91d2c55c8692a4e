"""Checks for every list paged by partnership.common.pagination: the page links keep the filters, no
page value a browser can send is a server error, and the query count grows neither with the
rows nor with the page."""

import re

from django.http import QueryDict

from tests.support.queries import count_queries

# Not a number, before the first page, negative, far past the last page.
BAD_PAGE_VALUES = ["abc", "0", "-1", "99999"]


def with_page(url: str, value) -> str:
    return f"{url}{'&' if '?' in url else '?'}page={value}"


def pagination_nav(body: str) -> str:
    match = re.search(r'<nav class="govuk-pagination.*?</nav>', body, re.S)
    assert match, "the page has no pagination"
    return match.group(0)


def pagination_hrefs(body: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', pagination_nav(body))]


def query_lists(query: str) -> dict[str, list[str]]:
    params = QueryDict(query.removeprefix("?"))
    return {key: params.getlist(key) for key in params if key != "page"}


def assert_page_links_keep(body: str, filters: str) -> list[str]:
    """Every pagination link (previous, numbers, next) carries each filter as it came, repeated
    ones too, and exactly one page."""
    hrefs = pagination_hrefs(body)
    assert hrefs
    for href in hrefs:
        assert query_lists(href) == query_lists(filters), href
        assert len(QueryDict(href.removeprefix("?")).getlist("page")) == 1, href
    return hrefs


def assert_second_page(body: str, filters: str, *, summary: str, label: str) -> list[str]:
    """Page 2 of a filtered list: its "Showing ..." line, the named pagination with page 2 as the
    current one, and links that keep the filters."""
    assert summary in body
    assert f'aria-label="{label}"' in body
    assert 'aria-label="Page 2" aria-current="page">2</a>' in body
    return assert_page_links_keep(body, filters)


def assert_export_link_drops_the_page(body: str, export_path: str, filters: str) -> None:
    """A list's CSV link carries the filters but never the page: an export is the whole list."""
    match = re.search(rf'href="({re.escape(export_path)}[^"]*)"', body)
    assert match, f"no link to {export_path}"
    href = match.group(1).replace("&amp;", "&")
    assert "page=" not in href, href
    assert query_lists(href.partition("?")[2]) == query_lists(filters), href


def assert_bad_pages_answer(client, url: str) -> None:
    for value in BAD_PAGE_VALUES:
        response = client.get(with_page(url, value))
        assert response.status_code == 200, (value, response.status_code)


def assert_flat_query_count_across_pages(client, url: str, make_rows, *, per_page: int, small: int = 5):
    """make_rows(n) adds n more rows the list shows. Page 1 with `small` rows, page 1 with more
    than a page of rows (at least 50) and page 2 must take the same number of queries: a query
    per row, or per page, fails. Returns the three responses for further checks."""
    make_rows(small)
    client.get(url)  # a first request may save the session (see assert_flat_query_count)
    small_response, small_count = count_queries(client, url)
    make_rows(max(per_page + 5, 50) - small)
    large_response, large_count = count_queries(client, url)
    page_two_response, page_two_count = count_queries(client, with_page(url, 2))
    for response in (small_response, large_response, page_two_response):
        assert response.status_code == 200, response.status_code
    assert (large_count, page_two_count) == (small_count, small_count), (
        f"{url}: {small_count} queries for {small} rows, {large_count} for page 1 of more, "
        f"{page_two_count} for page 2")
    return small_response, large_response, page_two_response
