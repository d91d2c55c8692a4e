"""Every HTML page of the portal, opened in the browser as someone allowed to see it, passes
axe-core, and fits a 320 px wide window without sideways scrolling (WCAG 2.2 SC 1.4.10 Reflow):
the access matrix's rows say which pages exist and who may open them.

One test per role, in one browser context: each page is opened at 1280 px (axe runs there for
the fullest role that may open it, as before), then the same page is narrowed to 320 px and its
width measured. Every page is visited before the test fails, so one run lists every problem."""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db.models.signals import post_save

from tests.access.matrix import SECOND_STEP_DONE, case_url, client_for_case
from tests.access.pages import PAGE_CASES, ROLE_ORDER, first_role
from tests.browser.conftest import assert_accessible
from tests.conftest import EXTRA_ROLES

NOT_PAGES = {"text/csv", "text/calendar", "application/pdf", "application/json", "image/svg+xml",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
WIDE, NARROW, HEIGHT = 1280, 320, 900


def _step(case):
    return case.extra.get("second_step", SECOND_STEP_DONE)


# (role, how far their sign-in got): a context of its own each, since the session differs.
GROUPS = sorted({(role, _step(case)) for case in PAGE_CASES for role in ROLE_ORDER
                 if case.expected.get(role) == 200})

# What sticks out of a narrow page: the elements whose right edge passes the window and that are
# not inside a scrolling region (whose overflow is the region's, not the page's).
_OVERFLOWING = """(limit) => {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= limit + 0.5 || box.width === 0) continue;
    const positioned = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
    if (!positioned && el.parentElement && el.parentElement.closest('.lsmp-table-region')) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    found.push(`${name} (right edge ${Math.round(box.right)} px)`);
    if (found.length >= 5) break;
  }
  return found;
}"""


@contextmanager
def made_for_the_case():
    """Collects the rows a case's kwargs make, so that they are removed before the next case:
    the cases of one role share one world, and two cases may make the same decision (MD2800)."""
    made = []

    def remember(sender, instance, created, **kwargs):
        if created:
            made.append(instance)

    post_save.connect(remember, weak=False)
    try:
        yield made
    finally:
        post_save.disconnect(remember)


def remove(made) -> None:
    for instance in reversed(made):
        type(instance)._base_manager.filter(pk=instance.pk).delete()


def reflow_problem(page) -> str | None:
    """None when the page is no wider than the window; otherwise how wide and what sticks out."""
    width = page.evaluate("document.documentElement.scrollWidth")
    window = page.evaluate("window.innerWidth")
    if width <= window:
        return None
    return f"{width} px wide in a {window} px window: {page.evaluate(_OVERFLOWING, window)}"


@pytest.mark.parametrize(("role", "step"), GROUPS, ids=lambda value: value.replace(" ", "-"))
def test_every_page_passes_axe_and_fits_320_px(role, step, page, world, live_server, client_for):
    cases = [case for case in PAGE_CASES if case.expected.get(role) == 200 and _step(case) == step]
    assert cases
    for extra in EXTRA_ROLES:
        # Made now, once: the esol roles are made when first asked for, and what a case makes
        # is removed after it.
        world.users[extra]  # noqa: B018
    user = world.users[role]
    client = client_for_case(cases[0], user, client_for)
    if user is not None:
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                                   "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    problems, measured = [], 0
    made = []
    for case in cases:
        remove(made)
        with made_for_the_case() as made:
            url = case_url(case, world)
        response = client.get(url)
        assert response.status_code == 200, f"{case.id} as {role}: {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            # A download, feed or JSON: nothing for a screen reader to read in the browser.
            assert response["Content-Type"].split(";")[0] in NOT_PAGES, response["Content-Type"]
            continue
        if first_role(case) == role:
            page.set_viewport_size({"width": WIDE, "height": HEIGHT})
            page.goto(url)
            try:
                assert_accessible(page, f"({case.id} as {role})")
            except AssertionError as error:
                problems.append(str(error))
            page.set_viewport_size({"width": NARROW, "height": HEIGHT})
        else:
            # Checked with axe as a fuller role: here the page is only opened narrow and measured.
            page.set_viewport_size({"width": NARROW, "height": HEIGHT})
            page.goto(url)
            page._axe.checked.append(page.url)
        measured += 1
        if problem := reflow_problem(page):
            problems.append(f"{case.id} as {role} scrolls sideways at {NARROW} px: {problem}")
    assert measured
    assert not problems, "\n".join(problems)
