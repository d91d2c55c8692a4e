from lsmp.heartbeat import heartbeat_record
from partnership.services.users import invitation_token
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, SIGNED_IN, Case, expect
from tests.factories.partnership import UserFactory


def _pending_invitee(world):
    invitee = UserFactory(email="invitee@example.org")
    invitee.set_unusable_password()
    invitee.save()
    return {"token": invitation_token(invitee)}


def _worker_seen(world):
    # /health/ answers 200 only when a worker ran the heartbeat recently.
    heartbeat_record(worker="celery@matrix")
    return {}


CASES = [
    Case("home", PUBLIC),
    # The translated public pages under a language prefix (/ar/, /bn/privacy/ ...).
    *[Case(name, PUBLIC, label=code, extra={"language": code})
      for name in ("home", "privacy") for code in ("ar", "bn", "zh-hans", "ur", "gu")],
    # The language switcher's links: remember the choice and go to the page in that language.
    Case("choose_language", expect(302, 302, 302, 302, 302, 302)),
    # The officers' page of translations, their coverage and review status.
    Case("translation_status", GLA_ONLY),
    Case("dashboard", SIGNED_IN),
    Case("accessibility", PUBLIC),
    Case("privacy", PUBLIC),
    Case("health", PUBLIC, kwargs=_worker_seen),
    # Signed-in people are sent on from the sign-in page to their dashboard.
    Case("login", expect(200, 302, 302, 302, 302, 302)),
    Case("logout", expect(405, 405, 405, 405, 405, 405), label="GET is refused"),
    Case("logout", expect(302, 302, 302, 302, 302, 302), method="post", label="sign out"),
    Case("password_reset", PUBLIC),
    Case("password_reset_done", PUBLIC),
    Case("password_reset_confirm", PUBLIC, kwargs=lambda w: {"uidb64": "MQ", "token": "bad-token"}),
    Case("password_reset_complete", PUBLIC),
    Case("accept_invitation", PUBLIC, kwargs=_pending_invitee, label="valid link"),
    Case("accept_invitation", expect(404, 404, 404, 404, 404, 404),
         kwargs=lambda w: {"token": "tampered"}, label="tampered link"),
    Case("partnership:invite", GLA_ONLY),
    Case("admin:index", expect(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200)),
]
