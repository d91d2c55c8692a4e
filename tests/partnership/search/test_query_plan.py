"""On PostgreSQL, with enough rows for the planner to care (20,000 entries, bulk-created: the
scale issue's seed_scale is not needed), the site search's query reads the GIN index of the
weighted search vector rather than every row. Deselected on SQLite (see tests/conftest.py)."""

import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from partnership.models import SearchEntry
from partnership.search.selectors import search

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

ROWS = 20_000
WORDS = ("housing asylum dispersal hotel borough council refugee resettlement funding grant esol "
         "english class accommodation support panel board meeting minutes action update").split()


def _fill():
    pick = random.Random(16)
    SearchEntry.objects.bulk_create([
        # Meetings: every meeting is anyone's to find, so the scope adds no subquery to the plan's
        # cost and the anonymous visitor finds the public rows.
        SearchEntry(kind="meeting", object_id=number, title=" ".join(pick.choices(WORDS, k=6)),
                    text=" ".join(pick.choices(WORDS, k=60)) + (" quillisant" if number % 1000 == 0 else ""),
                    url=f"/meetings/{number}/", is_public=number % 2 == 0)
        for number in range(1, ROWS + 1)
    ], batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE partnership_searchentry")


@pytest.mark.parametrize("who", ["gla_officer", "anonymous"])
def test_the_search_uses_the_gin_index(world, who):
    _fill()
    user = world.users[who] or AnonymousUser()
    results = search(user, "quillisant")
    plan = results.entries.explain()
    assert "search_entry_vector" in plan, plan
    assert len(list(results.entries)) == 20  # every 1000th row has the word, and each is public
