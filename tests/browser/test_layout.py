"""The layout a person meets every day: the officer's menu on one row at 1280 px with Sign out
apart; at 320 px a wide table scrolls inside its own labelled region, reached and scrolled by
keyboard, and the page itself does not scroll sideways; the dashboard's to-do list."""

import datetime as dt

from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import PASSWORD, ActionFactory, BodyFactory, BoroughFactory, gla_officer
from tests.factories.resettlement import OfferFactory


def test_the_officers_menu_fits_one_row_with_sign_out_apart(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, officer.email, PASSWORD)
    page.goto("/dashboard/")
    assert_accessible(page, "(dashboard)")
    menu = page.get_by_role("navigation", name="Menu")
    tops = menu.locator("li").evaluate_all("items => items.map(item => Math.round(item.getBoundingClientRect().top))")
    assert len(tops) == 8 and len(set(tops)) == 1, tops
    assert menu.get_by_role("button", name="Sign out").count() == 0
    account = page.get_by_role("navigation", name="Account")
    assert account.get_by_role("button", name="Sign out").is_visible()
    assert account.get_by_role("link", name="Email settings").is_visible()


def test_at_320_px_a_wide_table_scrolls_in_its_region_by_keyboard(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    OfferFactory.create_batch(3, borough=camden)
    sign_in(page, officer.email, PASSWORD)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/resettlement/")
    assert_accessible(page, "(offers at 320 px)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region = page.get_by_role("region", name="3 offers")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table should be wider than a phone"
    # Tab reaches the region (it is focusable), and the arrow keys scroll it.
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('lsmp-table-region')")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)  # arrow-key scrolling is smooth: let it land
    assert region.evaluate("el => el.scrollLeft") > 0


def test_the_menu_collapses_at_320_px_and_opens(page):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    assert_accessible(page, "(home at 320 px)")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()
    toggle.click()
    assert page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find ESOL").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_dashboard_says_what_needs_the_officer_now(page):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    body = BodyFactory(short_name="MRAP")
    for _ in range(3):
        ActionFactory(body=body, owner_user=officer, due_on=timezone.localdate() - dt.timedelta(days=3),
                      description="Send the minutes round")
    sign_in(page, officer.email, PASSWORD)
    page.goto("/dashboard/")
    assert_accessible(page, "(dashboard)")
    with page.expect_navigation():
        page.get_by_role("link", name="3 overdue actions you own").click()
    assert_accessible(page, "(my overdue actions)")
    assert page.get_by_role("link", name="Send the minutes round").count() == 3
