"""Who may see or change what in funding (django-rules). The register and signed decisions are
public; drafting, editing, signing and Part 2 are for GLA officers only."""

import rules

from partnership.rules import is_gla_officer

rules.add_perm("funding.view_part2", is_gla_officer)
rules.add_perm("funding.manage_decisions", is_gla_officer)
rules.add_perm("funding.view_risk_register", is_gla_officer)
rules.add_perm("funding.view_all_decisions", is_gla_officer)
rules.add_perm("funding.manage_streams", is_gla_officer)
