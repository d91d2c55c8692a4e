"""The demo officer and admin sign in with the published demo key, as the README says."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.demo.two_factor import DEMO_AUTHENTICATOR_KEY, demo_key_hex

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("email", ["officer@example.org", "admin@example.org"])
def test_demo_accounts_sign_in_with_the_demo_code(client, monkeypatch, email):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    output = StringIO()
    call_command("seed_demo", stdout=output)
    call_command("seed_demo", stdout=StringIO())
    assert "demo authenticator key LSMP DEMO LSMP DEMO LSMP DEMO LSMP DEMO" in output.getvalue()
    assert list(TOTPDevice.objects.filter(user__email=email).values_list("key", flat=True)) == [demo_key_hex()]

    client.post(reverse("login"), {"username": email, "password": "a-demo-password-1"})
    assert client.get(reverse("dashboard"))["Location"].startswith(reverse("two_factor_verify"))
    printed = StringIO()
    call_command("demo_code", stdout=printed)
    code = printed.getvalue().split()[0]
    assert len(code) == 6 and code.isdigit()
    assert client.post(reverse("two_factor_verify"), {"code": code})["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_the_demo_key_is_20_bytes_of_base32():
    assert len(bytes.fromhex(demo_key_hex())) == 20 and len(DEMO_AUTHENTICATOR_KEY) == 32
