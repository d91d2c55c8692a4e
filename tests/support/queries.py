"""Query-count assertions: a list keeps the same number of queries for 5 rows and for 50."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str):
    """The response and the queries it took. A streamed download (a CSV export) reads the database
    as it is sent, so it is read whole inside the count; its bytes are then response.streamed."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            response.streamed = response.getvalue()
    return response, len(captured.captured_queries)


def assert_flat_query_count(client, url: str, make_rows, small: int = 5, large: int = 50):
    """make_rows(n) adds n more rows the page lists. Returns both responses for further checks.

    The page must answer 200 both times and use exactly as many queries for `large` rows as
    for `small`: a query per row (a missing select_related) fails."""
    make_rows(small)
    # A first request may save the session (SessionRefreshMiddleware slides its expiry at most
    # once a minute): make it before counting, so both counts are of the page alone.
    client.get(url)
    small_response, small_count = count_queries(client, url)
    make_rows(large - small)
    large_response, large_count = count_queries(client, url)
    assert small_response.status_code == 200, small_response.status_code
    assert large_response.status_code == 200, large_response.status_code
    assert small_count == large_count, (
        f"{url}: {small_count} queries for {small} rows but {large_count} for {large}")
    return small_response, large_response
