"""The site search: a public page (everyone searches, each within their own scope; the leak test
in tests/partnership/search/test_leaks.py checks the scope)."""

from tests.access.matrix import PUBLIC, Case, expect

CASES = [
    Case("partnership:search", PUBLIC),
    Case("partnership:search", expect(405, 405, 405, 405, 405, 405), method="post", label="POST is refused"),
]
