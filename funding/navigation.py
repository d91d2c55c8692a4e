"""Navigation entries this app contributes (see partnership.common.navigation)."""

from django.utils.translation import gettext_lazy as _

from partnership.common.navigation import NavEntry

ENTRIES = [
    NavEntry(_("Decisions"), "funding:register", 60, lambda user: True, group="Funding"),
    NavEntry(_("Funding streams"), "funding:stream_list", 62, lambda user: True, group="Funding"),
]
