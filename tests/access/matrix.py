"""The access matrix: every URL name x every role -> the expected status code.

Each app keeps its rows in tests/access/cases_<app>.py as a CASES list; test_matrix.py runs
them all and fails when a URL name of the portal has no row."""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import EXTRA_ROLES, ROLES


@dataclass(frozen=True)
class Case:
    url_name: str
    expected: dict[str, int]
    # world -> URL kwargs (ids of objects the case creates); None for URLs without arguments.
    kwargs: Callable | None = None
    method: str = "get"
    data: Callable | None = None  # world -> POST data
    label: str = ""
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        missing = set(ROLES) - set(self.expected)
        assert not missing, f"{self.url_name}: no expectation for {sorted(missing)}"
        unknown = set(self.expected) - set(ROLES) - set(EXTRA_ROLES)
        assert not unknown, f"{self.url_name}: no such role {sorted(unknown)}"

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role of the matrix, and those extra roles the row names."""
        return ROLES + tuple(role for role in EXTRA_ROLES if role in self.expected)

    @property
    def id(self):
        return f"{self.url_name}{'[' + self.label + ']' if self.label else ''}:{self.method}"


def expect(anonymous, gla_officer, borough_a, borough_b, panel_member, superuser) -> dict[str, int]:
    return dict(anonymous=anonymous, gla_officer=gla_officer, borough_a=borough_a,
                borough_b=borough_b, panel_member=panel_member, superuser=superuser)


def with_esol_roles(expected: dict[str, int], grantee_a: int, grantee_b: int, provider: int) -> dict[str, int]:
    """A row that also says what the esol roles get (two grantee contacts of different funded
    organisations, and a provider's account)."""
    return {**expected, "grantee_a": grantee_a, "grantee_b": grantee_b, "provider": provider}


LOGIN = 302  # anonymous visitors of a signed-in page are sent to the sign-in page
PUBLIC = expect(200, 200, 200, 200, 200, 200)
SIGNED_IN = expect(LOGIN, 200, 200, 200, 200, 200)
GLA_ONLY = expect(LOGIN, 200, 403, 403, 403, 200)


# How far a GLA officer's or superuser's sign-in got (Case.extra["second_step"]); other roles
# have no second step, so for them the three are the same.
SECOND_STEP_DONE = "done"  # password and code: every row unless it says otherwise
SECOND_STEP_PENDING = "pending"  # password only; they have an authenticator app and recovery codes
NO_AUTHENTICATOR = "no authenticator"  # password only, and nothing set up yet


def case_url(case: Case, world) -> str:
    """The row's URL; a public page in another language has its prefix (Case.extra["language"])."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    with translation.override(case.extra.get("language", settings.LANGUAGE_CODE)):
        return reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)


def client_for_case(case: Case, user, client_for):
    """The role's client, signed in as far as the row says."""
    from partnership.selectors.two_factor import two_factor_required
    from partnership.services.two_factor import recovery_codes_issue
    from tests.support.two_factor import authenticator_for

    step = case.extra.get("second_step", SECOND_STEP_DONE)
    if step == SECOND_STEP_PENDING and user is not None and two_factor_required(user):
        authenticator_for(user)
        recovery_codes_issue(user=user)
    return client_for(user, second_factor=step == SECOND_STEP_DONE)
