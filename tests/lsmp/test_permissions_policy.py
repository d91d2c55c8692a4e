"""The Permissions-Policy header denies the browser features the portal does not use."""

import pytest
from django.urls import reverse

from lsmp.middleware import permissions_policy_header

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid",
          "display-capture", "midi", "xr-spatial-tracking", "browsing-topics"]


def _policy(response) -> dict[str, str]:
    header = response.headers["Permissions-Policy"]
    return dict(item.strip().split("=", 1) for item in header.split(","))


@pytest.mark.parametrize("url_name", ["home", "login", "health"])
def test_every_response_denies_what_the_portal_does_not_use(client, db, url_name):
    policy = _policy(client.get(reverse(url_name)))
    for feature in DENIED:
        assert policy.get(feature) == "()", f"{feature} is not denied: {policy.get(feature)}"
    # Nothing is allowed anywhere: every listed feature is an empty allow-list.
    assert set(policy.values()) == {"()"}


def test_error_pages_and_static_files_carry_it_too(client, db):
    assert "camera=()" in client.get("/no-such-page/").headers["Permissions-Policy"]
    assert "camera=()" in client.get("/static/css/portal.css").headers["Permissions-Policy"]


def test_the_header_is_written_in_the_structured_field_syntax():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"
