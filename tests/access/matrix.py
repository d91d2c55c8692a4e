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
