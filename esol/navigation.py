"""Navigation entries this app contributes (see partnership.navigation)."""

ENTRIES = []
