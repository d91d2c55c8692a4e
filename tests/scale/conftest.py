"""The scale data set for the query-plan tests: seed_scale at 100,000 rows, written once per test
session into the test database and kept there, so a run with --reuse-db (or a second test in
the same run) finds it and does not write it again. Postgres only: tests/conftest.py deselects
the `scale` tests on SQLite and runs them after every other test (their rows would upset counts)."""

import pytest
from django.db import connection

from lsmp.scale_data import scale_data_present, scale_officer, seed_scale
from partnership.models import SearchEntry
from partnership.search.services import search_reindex

SCALE_ROWS = 100_000


@pytest.fixture(scope="session")
def scale_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not scale_data_present():
            seed_scale(SCALE_ROWS)
        elif not SearchEntry.objects.filter(kind="action").exists():
            search_reindex()  # a scale database seeded before seed_scale wrote search entries
            # The query planner needs the visibility map and the statistics of a table in use:
            # without VACUUM every index-only scan looks like it must visit the heap.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        yield


@pytest.fixture
def officer_client(scale_data, db, client):
    from tests.support.two_factor import sign_in_fully

    return sign_in_fully(client, scale_officer())
