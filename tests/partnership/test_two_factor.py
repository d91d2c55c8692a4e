"""Two-factor authentication for GLA officers and superusers: the second step after the
password, setting up an authenticator app, recovery codes, and a reset by another officer."""

import re
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnership.models import Notification, RecoveryCode, RecoveryCodeDevice, TwoFactorReset, User
from partnership.services.two_factor import recovery_codes_issue, two_factor_reset
from tests.factories.partnership import PASSWORD, BoroughFactory, borough_officer, gla_officer
from tests.support.two_factor import authenticator_for, code_at, code_now, sign_in_fully

VERIFY = reverse("two_factor_verify")
SETUP = reverse("two_factor_setup")
RECOVERY = reverse("two_factor_recovery")
MANAGE = reverse("two_factor_manage")


def _password(client, email):
    return client.post(reverse("login"), {"username": email, "password": PASSWORD})


@pytest.fixture
def officer(db):
    return gla_officer(email="officer@example.org", full_name="Gail Officer")


def test_after_the_password_an_officer_is_asked_for_a_code_on_the_way_to_their_page(client, officer):
    authenticator_for(officer)
    assert _password(client, officer.email).status_code == 302
    enquiries = reverse("partnership:enquiry_list")
    response = client.get(enquiries)
    assert response.status_code == 302 and response["Location"] == f"{VERIFY}?next=%2Fenquiries%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Enter the code from your authenticator app" in page.content.decode()
    assert page.context["nav_items"] == []  # nothing in the menu leads anywhere yet
    session_before = client.session.session_key
    done = client.post(response["Location"], {"code": code_now(authenticator_for(officer))})
    assert done.status_code == 302 and done["Location"] == enquiries
    assert client.session.session_key != session_before
    assert client.get(enquiries).status_code == 200


def test_an_officer_without_an_app_is_sent_to_set_one_up_before_anything_else(client, officer):
    _password(client, officer.email)
    for url in (reverse("dashboard"), reverse("partnership:person_list"), reverse("admin:index"), VERIFY):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(SETUP), url


def test_people_without_a_second_step_go_straight_in(client, db):
    camden = borough_officer(BoroughFactory(name="Camden", gss_code="E09000007"), email="camden@example.org")
    assert _password(client, camden.email)["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(VERIFY).status_code == 404


def test_a_superuser_needs_the_second_step_for_django_admin_too(client, db):
    User.objects.create_superuser(email="admin@example.org", full_name="Ada Admin", password=PASSWORD)
    response = client.post(reverse("admin:login"), {"username": "admin@example.org", "password": PASSWORD})
    assert response.status_code == 302
    admin_page = client.get(reverse("admin:index"))
    assert admin_page.status_code == 302 and admin_page["Location"].startswith(SETUP)


def test_a_wrong_code_is_refused_beside_the_field_and_guessing_is_throttled(client, officer):
    device = authenticator_for(officer)
    _password(client, officer.email)
    wrong = f"{(int(code_now(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    body = response.content.decode()
    assert response.status_code == 200 and "The code is not right" in body and "govuk-error-summary" in body
    assert 'id="id_code-error"' in body or "govuk-error-message" in body
    # Straight away, even the right code is not checked: django-otp's throttle.
    throttled = client.post(VERIFY, {"code": code_at(device.key, time.time())}).content.decode()
    assert "There were too many wrong codes. Wait 1 second" in throttled
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_a_code_works_once(client, officer):
    device = authenticator_for(officer)
    code = code_now(device)
    _password(client, officer.email)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post(reverse("logout"))
    _password(client, officer.email)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    again = client.post(VERIFY, {"code": code})
    assert again.status_code == 200 and "The code is not right" in again.content.decode()


@pytest.mark.parametrize("typed", ["123 456", "123-456"])
def test_codes_are_accepted_as_apps_show_them(client, officer, typed):
    device = authenticator_for(officer)
    code = code_now(device)
    _password(client, officer.email)
    response = client.post(VERIFY, {"code": f"{code[:3]}{typed[3]}{code[3:]}"})
    assert response.status_code == 302


def test_setting_up_an_app_shows_a_qr_code_and_the_typed_key_and_confirms_with_a_first_code(client, officer):
    _password(client, officer.email)
    page = client.get(SETUP)
    body = page.content.decode()
    key = client.session["two_factor_setup_key"]
    typed = page.context["typed_key"]
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", typed) and typed in body
    assert f'src="{reverse("two_factor_qr_code")}"' in body
    qr = client.get(reverse("two_factor_qr_code"))
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<svg")
    assert "no-store" in qr["Cache-Control"] and "private" in qr["Cache-Control"]
    assert b"style=" not in qr.content  # the CSP allows no inline styles

    wrong = client.post(SETUP, {"code": "000000" if code_at(key, time.time()) != "000000" else "111111"})
    assert wrong.status_code == 200 and "The code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()

    done = client.post(SETUP, {"code": code_at(key, time.time())})
    assert done.status_code == 302 and done["Location"] == MANAGE
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed and device.key == key
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    codes_page = client.get(MANAGE)
    codes = codes_page.context["new_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", code) for code in codes)
    assert all(code in codes_page.content.decode() for code in codes)
    # Shown once, kept only as digests.
    assert client.get(MANAGE).context["new_codes"] is None
    digests = set(RecoveryCode.objects.filter(device__user=officer).values_list("digest", flat=True))
    assert len(digests) == 10 and not any(code.replace("-", "") in d or code in d for code in codes for d in digests)
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_password_alone_cannot_replace_the_app(client, officer):
    device = authenticator_for(officer)
    _password(client, officer.email)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    response = client.post(SETUP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=officer)) == [device]


def test_a_signed_in_officer_may_move_to_a_new_phone(client, officer):
    old = authenticator_for(officer)
    old_codes = recovery_codes_issue(user=officer)
    sign_in_fully(client, officer)
    client.get(SETUP)
    key = client.session["two_factor_setup_key"]
    assert client.post(SETUP, {"code": code_at(key, time.time())}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=officer).values_list("key", flat=True)) == [key] != [old.key]
    client.post(reverse("logout"))
    _password(client, officer.email)
    refused = client.post(RECOVERY, {"code": old_codes[0]})
    assert refused.status_code == 200 and "not right" in refused.content.decode()


def test_a_recovery_code_signs_in_once(client, officer):
    authenticator_for(officer)
    codes = recovery_codes_issue(user=officer)
    _password(client, officer.email)
    response = client.post(f"{RECOVERY}?next=/enquiries/", {"code": codes[3].upper().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == "/enquiries/"
    assert "You have 9 left" in str(list(client.get(reverse("dashboard")).context["messages"])[0])
    client.post(reverse("logout"))
    _password(client, officer.email)
    again = client.post(RECOVERY, {"code": codes[3]})
    assert again.status_code == 200 and "has been used" in again.content.decode()
    assert RecoveryCodeDevice.objects.get(user=officer).unused_count() == 9


def test_one_persons_recovery_code_does_not_work_for_another(client, officer):
    colleague = gla_officer(email="colleague@example.org")
    authenticator_for(officer)
    recovery_codes_issue(user=officer)
    theirs = recovery_codes_issue(user=colleague)
    _password(client, officer.email)
    assert client.post(RECOVERY, {"code": theirs[0]}).status_code == 200


def test_new_recovery_codes_replace_the_old(client, officer):
    old = recovery_codes_issue(user=officer)
    sign_in_fully(client, officer)
    assert client.post(reverse("two_factor_new_recovery_codes")).status_code == 302
    new = client.get(MANAGE).context["new_codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert RecoveryCode.objects.filter(device__user=officer).count() == 10


def test_another_officer_resets_it_and_the_reset_is_recorded(client, officer):
    colleague = gla_officer(email="colleague@example.org", full_name="Col League")
    authenticator_for(colleague)
    recovery_codes_issue(user=colleague)
    # The colleague is signed in on another browser, past the second step.
    from django.test import Client

    their_browser = sign_in_fully(Client(), colleague)
    assert their_browser.get(reverse("dashboard")).status_code == 200

    sign_in_fully(client, officer)
    url = reverse("partnership:two_factor_reset", kwargs={"pk": colleague.pk})
    person_page = client.get(reverse("partnership:person_detail", kwargs={"pk": colleague.pk})).content.decode()
    assert url in person_page and "10 recovery codes unused" in person_page
    empty = client.post(url, {"reason": ""})
    assert "Enter why you are resetting it" in empty.content.decode()
    response = client.post(url, {"reason": "Lost phone; confirmed by a call to their desk number"})
    assert response.status_code == 302

    reset = TwoFactorReset.objects.get()
    assert (reset.user, reset.reset_by) == (colleague, officer) and "Lost phone" in reset.reason
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not RecoveryCodeDevice.objects.filter(user=colleague).exists()
    notice = Notification.objects.get(kind="user.two_factor_reset", recipient=colleague)
    assert "Gail Officer reset the two-factor authentication" in notice.body_text
    # Their session no longer counts as verified: they set up again before anything else.
    assert their_browser.get(reverse("dashboard"))["Location"].startswith(SETUP)
    history = client.get(url).content.decode()
    assert "Lost phone; confirmed by a call" in history and "Gail Officer" in history


def test_nobody_resets_their_own(officer):
    with pytest.raises(ValidationError, match="your own"):
        two_factor_reset(user=officer, by=officer, reason="I lost my phone")
    with pytest.raises(IntegrityError), transaction.atomic():
        TwoFactorReset.objects.create(user=officer, reset_by=officer, reason="I lost my phone")


def test_only_a_gla_officer_resets(officer, db):
    camden = borough_officer(BoroughFactory(name="Camden", gss_code="E09000007"))
    with pytest.raises(ValidationError, match="Only a GLA officer"):
        two_factor_reset(user=officer, by=camden, reason="Asked by phone")
    assert not TwoFactorReset.objects.exists()


def test_recovery_codes_are_stored_only_as_their_digests(officer):
    codes = recovery_codes_issue(user=officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecoveryCode.objects.create(device=RecoveryCodeDevice.objects.get(user=officer), digest=codes[0])


def test_a_code_typed_as_it_ran_out_at_set_up_leaves_the_phone_clock_trusted(db):
    """The set-up code may be the one that just ran out (tolerance of one step). That says the
    person was slow, not that the phone's clock is behind: a phone 30 s ahead still signs in
    (storing a drift of -1 refused it, a flake seen in CI's browser leg on a slow run)."""
    from django_otp.oath import TOTP

    from partnership.services.two_factor import authenticator_confirm, authenticator_key_new, second_step_verify

    user = gla_officer(email="slow-typist@example.org")
    key = authenticator_key_new()
    if 30 - time.time() % 30 < 2:  # not across a step's end: the codes are chosen by step below
        time.sleep(2.5)
    step = TOTP(bytes.fromhex(key)).t()
    device, _codes = authenticator_confirm(user=user, key=key, code=code_at(key, (step - 1) * 30 + 15))
    assert (device.drift, device.last_t) == (0, step - 1)
    phone_ahead = code_at(key, (step + 1) * 30 + 15)
    assert second_step_verify(user=user, device=device, code=phone_ahead).device is not None
