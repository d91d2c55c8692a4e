"""Navigation entries this app contributes (see partnership.common.navigation)."""

from partnership.common.navigation import NavEntry

ENTRIES = [
    NavEntry("Decisions", "funding:register", 60, lambda user: True, group="Funding"),
    NavEntry("Funding streams", "funding:stream_list", 62, lambda user: True, group="Funding"),
]
