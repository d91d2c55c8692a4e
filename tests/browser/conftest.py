"""Browser tests: Playwright drives Debian's Chromium against the live test server, and
axe-core checks every page a test opens. A missing browser fails the run; it never skips."""

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: install Debian's chromium package")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


class AxeChecked:
    """Remembers which page loads were checked, so a test cannot open a page and skip axe."""

    def __init__(self):
        self.loaded: list[str] = []
        self.checked: list[str] = []
        self.csp_errors: list[str] = []


def assert_accessible(page, context: str = "") -> None:
    """Runs axe-core with the WCAG 2.2 A/AA tags; any violation fails the test."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
    page._axe.checked.append(page.url)
    assert not violations, f"axe violations on {page.url} {context}:\n{json.dumps(violations, indent=2)}"


def assert_accessible_without_scripts(checker, scriptless_page, context: str = "") -> None:
    """axe on the state a page reached with JavaScript off. axe cannot run there (with scripts off
    its timers never fire), so `checker`, a script-enabled page of the `page` fixture, loads the
    same URL served with the same HTML and with every script blocked: the DOM is the one a
    browser without JavaScript drew, and axe (injected by Playwright, not the page) checks it."""
    url, html = scriptless_page.url, scriptless_page.content()

    def same_html(route):
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    def no_scripts(route):
        route.abort()

    checker.route("**/*.js", no_scripts)
    checker.route(url, same_html)
    try:
        checker.goto(url)
        # The portal's own script marks the body when it runs: it must not have.
        assert checker.evaluate("!document.body.classList.contains('js-enabled')"), "scripts ran"
        assert_accessible(checker, f"{context} (JavaScript off)")
    finally:
        checker.unroute(url, same_html)
        checker.unroute("**/*.js", no_scripts)


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url)
    new_page = context.new_page()
    new_page.set_default_timeout(10_000)
    tracker = AxeChecked()
    new_page._axe = tracker

    def on_load(frame):
        if frame == new_page.main_frame:
            tracker.loaded.append(frame.url)

    new_page.on("framenavigated", on_load)
    new_page.on("console", lambda msg: msg.type == "error" and "Content Security Policy" in msg.text
                and tracker.csp_errors.append(msg.text))
    yield new_page
    context.close()
    unchecked = sorted({url.split("#")[0] for url in tracker.loaded} - {url.split("#")[0] for url in tracker.checked})
    assert not unchecked, f"pages opened without an axe check: {unchecked}"
    assert not tracker.csp_errors, f"Content Security Policy violations: {tracker.csp_errors}"


def sign_in(page, email: str, password: str) -> None:
    """Signs in through the real form, checking the sign-in page with axe on the way. A GLA
    officer or superuser then enters the code their authenticator app shows (the helper gives
    them one if they have none) on the second step, which axe checks too."""
    from partnership.models import User
    from partnership.selectors.two_factor import two_factor_required
    from tests.support.two_factor import authenticator_for, code_now

    user = User.objects.filter(email=email).first()
    authenticator = authenticator_for(user) if user is not None and two_factor_required(user) else None
    page.goto("/accounts/login/")
    assert_accessible(page, "(sign-in page)")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if authenticator is not None:
        assert "/accounts/two-factor/" in page.url, page.url
        assert_accessible(page, "(second step)")
        page.get_by_label("Code from your authenticator app").fill(code_now(authenticator))
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
    assert_accessible(page, "(after sign-in)")
