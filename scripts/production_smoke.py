"""The production leg's smoke check: HTTP only, against a running gunicorn with production
settings (bin/production-smoke starts it). Standard library only, so it checks the deployment
as any client would, not the code from the inside.

    smoke     every public page (listed and found by following links), the sign-in page and
              every static file a page or a stylesheet refers to answer 200; each demo role
              signs in through the form and opens its dashboard; an enquiry posted through the
              contact form is acknowledged by email through the real worker (the file backend)
    snapshot  records what the GLA officer is served: meetings, papers (the files' SHA-256),
              funding decisions and their documents, enquiries
    compare   the same again, and fails on any difference (the backup drill)

Any 5xx answer anywhere fails the run. The requests carry X-Forwarded-Proto: https, as the
TLS-terminating proxy in front of the portal would."""

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import re
import struct
import sys
import time
from email import message_from_bytes
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

DEMO_PASSWORD = "demo-password-123"  # noqa: S105 - the documented demo password
# The published demo authenticator key of the demo officer and admin (partnership/demo/two_factor.py).
DEMO_AUTHENTICATOR_KEY = "LSMPDEMOLSMPDEMOLSMPDEMOLSMPDEMO"
DEMO_ROLES = {
    "officer@example.org": "GLA officer",
    "camden@example.org": "borough officer, Camden",
    "hackney@example.org": "borough officer, Hackney",
    "member@example.org": "member of MRAP",
    "admin@example.org": "superuser",
}
PUBLIC_PAGES = ["/", "/accessibility/", "/privacy/", "/contact/", "/ar/contact/", "/bn/",
                "/accounts/login/", "/accounts/password-reset/",
                "/bodies/", "/meetings/", "/papers/", "/funding/", "/funding/streams/", "/health/"]
# /language/ is the language switcher: it sets a cookie and redirects (302), it is no page.
NOT_FOLLOWED = ("/accounts/logout/", "/django-admin/", "/static/", "/language/")
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class Page(HTMLParser):
    """The links, static references and forms of an HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.links, self.assets, self.forms = [], [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag in {"link", "script", "img"}:
            reference = attributes.get("href") or attributes.get("src")
            if reference:
                self.assets.append(reference)
        elif tag == "form":
            self.forms.append({"action": attributes.get("action", ""), "method": attributes.get("method", "get"),
                               "fields": {}})
        elif tag in {"input", "textarea", "select"} and self.forms and attributes.get("name"):
            if attributes.get("type") not in {"checkbox", "radio", "submit"} or "checked" in attributes:
                self.forms[-1]["fields"][attributes["name"]] = attributes.get("value") or ""


class Response:
    def __init__(self, method, path, status, headers, body):
        self.method, self.path, self.status, self.headers, self.body = method, path, status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """One visitor: its own cookies; every answer is kept so that any 5xx can be reported."""

    def __init__(self, base_url: str, journal: list):
        self.base = base_url.rstrip("/")
        self.host = urlsplit(self.base).netloc
        self.cookies: dict[str, str] = {}
        self.journal = journal

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        connection = http.client.HTTPConnection(self.host, timeout=60)
        headers = {"Host": self.host, "X-Forwarded-Proto": "https", "User-Agent": "lsmp-production-smoke"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers.update({"Content-Type": "application/x-www-form-urlencoded",
                            "Origin": f"https://{self.host}", "Referer": f"https://{self.host}{path}"})
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(method, path, raw.status, raw.headers, raw.read())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        self.journal.append((method, path, response.status))
        return response

    def get(self, path: str, follow: bool = True) -> Response:
        response = self.request("GET", path)
        for _ in range(5):
            if not (follow and response.status in {301, 302, 303}):
                break
            response = self.request("GET", local_path(response.headers["Location"], path))
        return response

    def submit(self, page_path: str, fill: dict) -> Response:
        """Fetches the page, fills the POST form that has the fields to fill (keeping its hidden
        CSRF token) and posts it. Search and language forms on the same page are GET forms."""
        page = self.get(page_path)
        forms = [form for form in Page(page.text).forms if form["method"].lower() == "post"]
        form = next((form for form in forms if set(fill) & set(form["fields"])), forms[-1])
        action = local_path(form["action"] or page_path, page_path)
        return self.request("POST", action, {**form["fields"], **fill})


def local_path(reference: str, current: str) -> str:
    parts = urlsplit(urljoin(f"https://portal{current}", reference))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def followable(reference: str, current: str) -> str | None:
    """The path of a same-site page link worth opening, or None. Only `page` queries are kept,
    so filters and sorts do not multiply the pages."""
    if reference.startswith(("mailto:", "tel:", "#", "javascript:")):
        return None
    parts = urlsplit(urljoin(f"https://portal{current}", reference))
    if parts.netloc != "portal" or parts.path.startswith(NOT_FOLLOWED):
        return None
    query = [(key, value) for key, value in parse_qsl(parts.query) if key == "page"]
    return parts.path + (f"?{urlencode(query)}" if query else "")


class Failures(list):
    def check(self, condition: bool, message: str) -> bool:
        if not condition:
            self.append(message)
            print(f"FAIL {message}", flush=True)
        return condition


def check_assets(client: Client, references, seen: set, failures: Failures) -> None:
    """Every static file a page refers to, and every url() inside a stylesheet, answers 200."""
    for reference in references:
        path = local_path(reference, "/")
        if not path.startswith("/static/") or path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow=False)
        failures.check(response.status == 200, f"static file {path} answered {response.status}")
        if path.endswith(".css") and response.status == 200:
            failures.check(response.headers.get("Content-Type", "").startswith("text/css"),
                           f"{path} is served as {response.headers.get('Content-Type')}")
            inner = re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", response.text)
            check_assets(client, [urljoin(path, url) for url in inner if not url.startswith("data:")], seen,
                         failures)


def crawl(client: Client, starts, limit: int, failures: Failures, assets_seen: set, allowed=(200,)) -> int:
    """Opens the start pages and the pages they link to (same site, GET), up to limit pages."""
    queue, seen = list(starts), set()
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow=False)
        if response.status in {301, 302}:
            # Signed-in pages send visitors to the sign-in page; other redirects are followed.
            target = followable(response.headers["Location"], path)
            if target and target not in seen:
                queue.append(target)
            continue
        failures.check(response.status in allowed, f"{path} answered {response.status}")
        if "text/html" in response.headers.get("Content-Type", ""):
            page = Page(response.text)
            check_assets(client, page.assets, assets_seen, failures)
            queue.extend(link for link in (followable(ref, path) for ref in page.links) if link and link not in seen)
    return len(seen)


def demo_code(key: str = DEMO_AUTHENTICATOR_KEY, at: float | None = None) -> str:
    """The demo authenticator app's current code (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(key), struct.pack(">Q", counter), "sha1").digest()
    offset = digest[-1] & 0x0F
    return f"{(int.from_bytes(digest[offset:offset + 4], 'big') & 0x7FFFFFFF) % 1_000_000:06d}"


def sign_in(client: Client, email: str, failures: Failures) -> bool:
    response = client.submit("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    location = response.headers.get("Location", "")
    if response.status == 302:
        # GLA officers and superusers are sent on to the second step, where they enter the demo
        # authenticator app's code; everyone else reaches the page they were going to.
        onward = client.request("GET", local_path(location, "/"))
        second_step = local_path(onward.headers.get("Location", ""), "/")
        if onward.status == 302 and second_step.startswith("/accounts/two-factor/"):
            response = client.submit(second_step, {"code": demo_code()})
            if response.status == 200:
                # An authenticator code is accepted once: a second sign-in within the same
                # 30-second step (the backup drill right after the smoke check) waits for the next.
                time.sleep(30 - time.time() % 30 + 1)
                response = client.submit(second_step, {"code": demo_code()})
            location = response.headers.get("Location", "")
    return failures.check(response.status == 302 and local_path(location, "/") == "/dashboard/",
                          f"{email} could not sign in (answer {response.status}, to {location or 'nowhere'})")


def read_mails(folder: Path):
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(MAIL_SEPARATOR):
            if chunk.strip():
                yield message_from_bytes(chunk.strip(b"\n"))


def smoke(base_url: str, mail_dir: Path, journal: list, failures: Failures) -> None:
    anonymous, assets = Client(base_url, journal), set()
    for path in PUBLIC_PAGES:
        response = anonymous.get(path, follow=False)
        failures.check(response.status == 200, f"public page {path} answered {response.status}")
        if "text/html" in response.headers.get("Content-Type", ""):
            check_assets(anonymous, Page(response.text).assets, assets, failures)
    failures.check(any(path.endswith(".css") for path in assets), "no stylesheet was found on the public pages")
    pages = crawl(anonymous, PUBLIC_PAGES, 300, failures, assets, allowed=(200,))
    print(f"public: {pages} pages and {len(assets)} static files opened", flush=True)

    for email, role in DEMO_ROLES.items():
        visitor = Client(base_url, journal)
        if sign_in(visitor, email, failures):
            dashboard = visitor.get("/dashboard/", follow=False)
            failures.check(dashboard.status == 200 and "Sign out" in dashboard.text,
                           f"{role}: dashboard answered {dashboard.status}")
            opened = crawl(visitor, ["/dashboard/"], 25, failures, assets, allowed=(200,))
            print(f"{role}: signed in, dashboard and {opened - 1} more pages opened", flush=True)

    address = f"smoke-{int(time.time())}@example.org"
    sent = anonymous.submit("/contact/", {
        "kind": "question", "name": "Production Smoke", "email": address, "consent": "on",
        "message": "The production leg asks whether the acknowledgement arrives.", "website": ""})
    failures.check(sent.status == 302, f"the contact form answered {sent.status}, not a redirect")
    # The form goes to check-your-answers first; "Send message" there sends it.
    sent = anonymous.submit("/contact/check/", {})
    failures.check(sent.status == 302, f"the check-your-answers page answered {sent.status}, not a redirect")
    posted_at = time.monotonic()
    acknowledgement = None
    while acknowledgement is None and time.monotonic() - posted_at < 90:
        acknowledgement = next((mail for mail in read_mails(mail_dir) if mail["To"] == address), None)
        time.sleep(0.25)
    if failures.check(acknowledgement is not None, f"no acknowledgement for {address} within 90 s"):
        failures.check(acknowledgement["Subject"].startswith("We have your message: reference"),
                       f"unexpected acknowledgement subject {acknowledgement['Subject']!r}")
        print(f"enquiry: acknowledged by the worker {time.monotonic() - posted_at:.1f} s after the post", flush=True)


FINGERPRINTED = {
    "meeting": re.compile(r"^/meetings/\d+/$"),
    "paper": re.compile(r"^/papers/\d+/$"),
    "paper file": re.compile(r"^/papers/\d+/download/$"),
    "decision": re.compile(r"^/funding/decisions/[A-Za-z0-9-]+/$"),
    "decision document": re.compile(r"^/funding/documents/\d+/$"),
    "enquiry": re.compile(r"^/enquiries/\d+/$"),
}
LISTS = re.compile(r"^/(bodies/(\d+/)?|meetings/|papers/(body/\d+/)?|funding/decisions/|enquiries/)(\?page=\d+)?$")
VOLATILE = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


def fingerprint(base_url: str, journal: list, failures: Failures) -> dict[str, str]:
    """path -> SHA-256 of what the GLA officer is served (a page's <main>, a file's bytes)."""
    officer = Client(base_url, journal)
    if not sign_in(officer, "officer@example.org", failures):
        return {}
    queue, seen, prints = ["/bodies/", "/meetings/", "/papers/", "/funding/decisions/", "/enquiries/"], set(), {}
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = officer.get(path, follow=False)
        failures.check(response.status == 200, f"{path} answered {response.status} to the officer")
        kind = next((name for name, pattern in FINGERPRINTED.items() if pattern.match(path)), None)
        html = "text/html" in response.headers.get("Content-Type", "")
        if kind:
            content = response.body
            if html:
                main = re.search(r"<main\b.*?</main>", response.text, re.S)
                content = VOLATILE.sub("", main.group(0) if main else response.text).encode()
            prints[path] = f"{kind}:{hashlib.sha256(content).hexdigest()}"
        if html and (kind in {"meeting", "paper", "decision"} or LISTS.match(path)):
            for reference in Page(response.text).links:
                link = followable(reference, path)
                wanted = link and (LISTS.match(link) or any(p.match(link) for p in FINGERPRINTED.values()))
                if wanted and link not in seen:
                    queue.append(link)
    return prints


PLURALS = {"enquiry": "enquiries"}


def counts(prints: dict[str, str]) -> str:
    kinds = [value.split(":")[0] for value in prints.values()]
    return ", ".join(f"{kinds.count(kind)} {PLURALS.get(kind, kind + 's')}" for kind in FINGERPRINTED)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["smoke", "snapshot", "compare"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mail-dir", type=Path, help="the file email backend's folder (smoke)")
    parser.add_argument("--file", type=Path, help="where the snapshot is written or read")
    arguments = parser.parse_args()
    journal, failures = [], Failures()
    if arguments.mode == "smoke":
        smoke(arguments.base_url, arguments.mail_dir, journal, failures)
    else:
        prints = fingerprint(arguments.base_url, journal, failures)
        if arguments.mode == "snapshot":
            arguments.file.write_text(json.dumps(prints, indent=1, sort_keys=True))
            print(f"snapshot: {counts(prints)}", flush=True)
            kinds = {value.split(":")[0] for value in prints.values()}
            failures.check(kinds == set(FINGERPRINTED), f"the snapshot is missing a kind of record: {counts(prints)}")
        else:
            before = json.loads(arguments.file.read_text())
            differ = sorted(path for path in before.keys() | prints.keys() if before.get(path) != prints.get(path))
            failures.check(not differ, f"{len(differ)} records differ after the restore: {differ[:10]}")
            if not differ:
                print(f"after the restore the portal serves the same {counts(prints)}", flush=True)
    errors = [entry for entry in journal if entry[2] >= 500]
    failures.check(not errors, f"{len(errors)} answers were 5xx: {errors[:10]}")
    print(f"{len(journal)} requests, {len(failures)} failures", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
