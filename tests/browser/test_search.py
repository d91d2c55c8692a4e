"""The site search in a real browser: the header's search box works without JavaScript, and the
results page (groups, filters, highlighted extracts, the error summary) passes axe."""

from partnership.models import PaperVisibility
from partnership.search.services import search_reindex
from tests.browser.conftest import assert_accessible, assert_accessible_without_scripts
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory, MeetingFactory


def _public_things():
    mrap = BodyFactory(name="Migrant and Refugee Advisory Panel", short_name="MRAP")
    PaperFactory(body=mrap, title="Home Office accommodation briefing", visibility=PaperVisibility.PUBLIC)
    PaperFactory(body=mrap, title="Accommodation pressures in outer London", visibility=PaperVisibility.PUBLIC)
    MeetingFactory(body=mrap, location="Accommodation suite, City Hall")
    search_reindex()


def test_the_header_search_box_works_without_javascript(browser, live_server, page):
    _public_things()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    scriptless = context.new_page()
    try:
        scriptless.goto("/accessibility/")
        scriptless.get_by_label("Search the portal").fill("accommodation briefing")
        with scriptless.expect_navigation():
            scriptless.get_by_label("Search the portal").press("Enter")
        assert scriptless.url.endswith("/search/?q=accommodation+briefing")
        result = scriptless.locator("main h3 a").first
        assert result.inner_text() == "Home Office accommodation briefing"
        assert_accessible_without_scripts(page, scriptless, "(results)")
    finally:
        context.close()


def test_results_filters_and_errors_pass_axe(page):
    _public_things()
    page.goto("/search/?q=accommodation")
    assert page.locator("main h2", has_text="Meetings").count() == 1
    assert page.locator("main h2", has_text="Papers").count() == 1
    assert page.locator("main mark").count() >= 1
    assert_accessible(page, "(results)")
    page.get_by_role("link", name="Papers (2)").click()
    assert page.locator("main h3 a").count() == 2
    assert_accessible(page, "(one kind)")
    page.goto("/search/?q=accommodation&date_from=2026-05-01&date_to=2026-04-01")
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.locator("#id_q").input_value() == "accommodation"  # nothing typed is lost
    assert_accessible(page, "(error summary)")
    page.goto("/search/?q=nothing+matches+this")
    assert "There are no results" in page.locator("main").inner_text()
    assert_accessible(page, "(no results)")
