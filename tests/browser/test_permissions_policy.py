"""Chromium understands every feature in the Permissions-Policy header and applies it."""

from tests.browser.conftest import assert_accessible

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "display-capture"]


def test_chromium_applies_the_policy_without_complaint(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/")
    assert_accessible(page)
    allowed = page.evaluate(
        "(features) => features.map((f) => [f, document.featurePolicy.allowsFeature(f)])", DENIED)
    assert allowed == [[feature, False] for feature in DENIED]
    # An unknown or misspelt feature shows up as a console error ("Unrecognized feature").
    complaints = [text for text in messages if "Permissions-Policy" in text or "Unrecognized feature" in text]
    assert not complaints, complaints
    # And the location really is refused, not merely listed.
    state = page.evaluate("navigator.permissions.query({name: 'geolocation'}).then((s) => s.state)")
    assert state == "denied"
