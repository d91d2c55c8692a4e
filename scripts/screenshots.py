"""Screenshots of the pages people use every day, at 1280 and 320 px wide, in Chromium: what a
reviewer looks at before and after a change to the layout. Run against a portal with demo data:

    .venv/bin/python manage.py seed_demo && .venv/bin/python manage.py runserver 8000
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 var/screenshots

Signs in as the demo GLA officer (the demo authenticator key gives the code), saves one full-page
PNG per page and width, and prints each page's width: a page wider than the window at 320 px
scrolls sideways (WCAG 2.2 SC 1.4.10), which the every-page browser test fails on."""

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {"dashboard": "/dashboard/", "md2628": "/funding/decisions/MD2628/", "register": "/funding/",
         "offers": "/resettlement/", "meetings": "/meetings/"}
WIDTHS = (1280, 320)


def demo_code() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsmp.settings.local")
    import django

    django.setup()
    from partnership.demo.two_factor import demo_code_now

    return demo_code_now()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    parser.add_argument("--email", default="officer@example.org")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "demo-password-123"))
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH",
                        help="another page to take (a meeting's page, say: --page meeting=/meetings/12/)")
    args = parser.parse_args()
    pages = {**PAGES, **dict(entry.split("=", 1) for entry in args.page)}
    args.folder.mkdir(parents=True, exist_ok=True)
    too_wide = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        page = browser.new_page(base_url=args.base_url, viewport={"width": WIDTHS[0], "height": 900})
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(args.email)
        page.get_by_label("Password").fill(args.password)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        if "/two-factor/" in page.url:
            page.get_by_label("Code from your authenticator app").fill(demo_code())
            with page.expect_navigation():
                page.get_by_role("button", name="Continue").click()
        for name, path in pages.items():
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(path)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                print(f"{name:10} {width:5} px window: page {scroll_width} px wide")
                if scroll_width > width:
                    too_wide.append(f"{name} at {width} px")
                page.screenshot(path=str(args.folder / f"{name}-{width}.png"), full_page=True)
        browser.close()
    if too_wide:
        print("Scrolls sideways: " + ", ".join(too_wide))
    return 1 if too_wide else 0


if __name__ == "__main__":
    sys.exit(main())
