"""Navigation entries this app contributes (see partnership.common.navigation)."""

from partnership.common.navigation import NavEntry


def works_on_resettlement(user):
    return user.is_authenticated and (user.is_gla_officer or user.borough is not None)


ENTRIES = [
    NavEntry("Resettlement", "resettlement:offer_list", 55, works_on_resettlement),
]
