"""Two-factor authentication pages, at each point of a GLA officer's or superuser's sign-in:
after the password only (with or without an authenticator app), and after both steps."""

from tests.access.matrix import (
    LOGIN,
    NO_AUTHENTICATOR,
    SECOND_STEP_DONE,
    SECOND_STEP_PENDING,
    Case,
    expect,
)
from tests.factories.partnership import gla_officer

PENDING = {"second_step": SECOND_STEP_PENDING}
UNSET = {"second_step": NO_AUTHENTICATOR}
DONE = {"second_step": SECOND_STEP_DONE}
# Only GLA officers and superusers have a second step: for anyone else its pages do not exist.
TWO_FACTOR_USERS = expect(LOGIN, 200, 404, 404, 404, 200)
SENT_ON = expect(LOGIN, 302, 404, 404, 404, 302)


def _another_officer(world):
    return {"pk": gla_officer(email="colleague@example.org", full_name="Col League").pk}


CASES = [
    Case("two_factor_verify", TWO_FACTOR_USERS, extra=PENDING, label="second step pending"),
    Case("two_factor_verify", SENT_ON, extra=UNSET, label="no authenticator: sent to set up"),
    Case("two_factor_verify", SENT_ON, extra=DONE, label="second step done: sent on"),
    Case("two_factor_verify", TWO_FACTOR_USERS, method="post", data=lambda w: {"code": "12"}, extra=PENDING,
         label="a code that is not 6 digits"),
    Case("two_factor_recovery", TWO_FACTOR_USERS, extra=PENDING, label="second step pending"),
    Case("two_factor_recovery", SENT_ON, extra=DONE, label="second step done: sent on"),
    Case("two_factor_setup", TWO_FACTOR_USERS, extra=UNSET, label="no authenticator"),
    # A password alone never replaces an authenticator app.
    Case("two_factor_setup", SENT_ON, extra=PENDING, label="second step pending: sent to it"),
    Case("two_factor_setup", TWO_FACTOR_USERS, extra=DONE, label="second step done"),
    Case("two_factor_qr_code", TWO_FACTOR_USERS, extra=UNSET, label="no authenticator"),
    Case("two_factor_qr_code", SENT_ON, extra=PENDING, label="second step pending: sent to it"),
    Case("two_factor_manage", TWO_FACTOR_USERS, extra=DONE, label="second step done"),
    Case("two_factor_manage", SENT_ON, extra=PENDING, label="second step pending: sent to it"),
    Case("two_factor_new_recovery_codes", expect(405, 405, 405, 405, 405, 405), label="GET is refused"),
    Case("two_factor_new_recovery_codes", SENT_ON, method="post", extra=DONE, label="new codes"),
    # Every other page waits for the second step, for those who need it.
    Case("dashboard", expect(LOGIN, 302, 200, 200, 200, 302), extra=PENDING, label="second step pending"),
    Case("dashboard", expect(LOGIN, 302, 200, 200, 200, 302), extra=UNSET, label="no authenticator"),
    Case("partnership:enquiry_list", expect(LOGIN, 302, 403, 403, 403, 302), extra=PENDING,
         label="second step pending"),
    Case("logout", expect(302, 302, 302, 302, 302, 302), method="post", extra=PENDING,
         label="sign out with the second step pending"),
    Case("accessibility", expect(200, 200, 200, 200, 200, 200), extra=PENDING, label="second step pending"),
    # Reset: by another GLA officer, for someone who has a second step.
    Case("partnership:two_factor_reset", expect(LOGIN, 200, 403, 403, 403, 200), kwargs=_another_officer,
         label="another GLA officer"),
    Case("partnership:two_factor_reset", expect(LOGIN, 302, 403, 403, 403, 302), kwargs=_another_officer,
         method="post", data=lambda w: {"reason": "Lost phone; confirmed on a call to their desk number"},
         label="another GLA officer"),
    Case("partnership:two_factor_reset", expect(LOGIN, 404, 403, 403, 403, 200),
         kwargs=lambda w: {"pk": w.users["gla_officer"].pk}, label="the officer themselves"),
    Case("partnership:two_factor_reset", expect(LOGIN, 200, 403, 403, 403, 404),
         kwargs=lambda w: {"pk": w.users["superuser"].pk}, label="the superuser themselves"),
    Case("partnership:two_factor_reset", expect(LOGIN, 404, 403, 403, 403, 404),
         kwargs=lambda w: {"pk": w.users["borough_a"].pk}, label="a borough officer: no second step"),
]
