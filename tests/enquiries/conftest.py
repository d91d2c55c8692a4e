import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit lives in the (local-memory) cache: each test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()
