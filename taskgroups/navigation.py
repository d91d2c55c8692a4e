"""Navigation entries this app contributes (see partnership.common.navigation)."""

ENTRIES = []
