"""Navigation entries this app contributes (see partnership.navigation)."""

from partnership.navigation import NavEntry, gla_officer

ENTRIES = [
    NavEntry("Decisions", "funding:register", 60, lambda user: True),
    NavEntry("Funding streams", "funding:stream_list", 62, lambda user: True),
    NavEntry("Draft decisions", "funding:decision_list", 64, gla_officer),
    NavEntry("Risk register", "funding:risk_register", 66, gla_officer),
]
