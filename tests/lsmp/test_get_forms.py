"""A form that submits by GET (filters, search) puts its fields in the address, the browser's
history and the server logs: it must never carry the CSRF token. Every page of the portal, as
the fullest role that may open it, is searched for such a form."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.access.matrix import client_for_case
from tests.access.pages import PAGE_CASES, first_role


class _GetForms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.method = None  # of the form we are in, if any
        self.get_forms = 0
        self.tokens_in_get_forms = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.method = (attrs.get("method") or "get").lower()
            self.get_forms += self.method == "get"
        elif tag == "input" and self.method == "get" and attrs.get("name") == "csrfmiddlewaretoken":
            self.tokens_in_get_forms += 1

    def handle_endtag(self, tag):
        if tag == "form":
            self.method = None


def get_forms_of(html: str) -> _GetForms:
    parser = _GetForms()
    parser.feed(html)
    return parser


def test_the_parser_finds_a_token_in_a_get_form():
    found = get_forms_of('<form method="GET"><input type="hidden" name="csrfmiddlewaretoken" value="x"></form>'
                         '<form method="post"><input name="csrfmiddlewaretoken"></form>')
    assert (found.get_forms, found.tokens_in_get_forms) == (1, 1)


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.id)
def test_no_get_form_carries_the_csrf_token(case, world, client_for):
    role = first_role(case)
    client = client_for_case(case, world.users[role], client_for)
    response = client.get(reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None))
    assert response.status_code == 200
    if not response["Content-Type"].startswith("text/html"):
        return
    found = get_forms_of(response.content.decode())
    assert found.tokens_in_get_forms == 0, f"{case.id} as {role}: a GET form carries csrfmiddlewaretoken"


def test_the_filter_pages_were_searched(world, client_for):
    """The check above saw GET forms on the lists that filter (it is not passing on no forms)."""
    client = client_for(world.users["gla_officer"])
    for name in ("resettlement:offer_list", "funding:register", "partnership:action_list",
                 "partnership:enquiry_list", "partnership:paper_list"):
        assert get_forms_of(client.get(reverse(name)).content.decode()).get_forms >= 1, name
