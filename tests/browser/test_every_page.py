"""Every HTML page of the portal, opened in the browser as someone allowed to see it, passes
axe-core: the access matrix's rows say which pages exist and who may open them."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.access.matrix import client_for_case
from tests.access.pages import PAGE_CASES, first_role
from tests.browser.conftest import assert_accessible

NOT_PAGES = {"text/csv", "text/calendar", "application/pdf", "application/json", "image/svg+xml",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.id)
def test_page_passes_axe(case, page, world, live_server, client_for):
    role = first_role(case)
    user = world.users[role]
    url = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
    client = client_for_case(case, user, client_for)
    response = client.get(url)
    assert response.status_code == 200
    if not response["Content-Type"].startswith("text/html"):
        # A download, feed or JSON: nothing for a screen reader to read in the browser.
        assert response["Content-Type"].split(";")[0] in NOT_PAGES, response["Content-Type"]
        return
    if user is not None:
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                                   "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    page.goto(url)
    assert_accessible(page, f"({case.id} as {role})")
