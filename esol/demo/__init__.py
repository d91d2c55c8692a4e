"""Demo data for esol, from ../shared/reference/esol-plus-facts.md: the four rounds with their real
budgets, windows and dates, the decisions that fund them (ADD2388 for Arts, ADD2666 for the London
Capacity Fund, MD2461 for the programme's first budget), Poplar HARCA and Sutton College as
Childcare projects, Learning Unlimited with Fotosynthesis as an Arts project; and, clearly marked as
demo values, the grants of each project (the facts give rounds' totals only), their targets, their
monitoring returns, the provision directory's entries and the boroughs' ESOL contacts.

Idempotent: every row is found by its natural key. Runs after funding's demo (lsmp.navigation
lists the apps in dependency order)."""

from . import accounts, provision, returns, rounds


def seed(*, log, password: str) -> None:
    people = accounts.seed(password=password)
    projects = rounds.seed(people=people)
    log(f"  {len(rounds.ROUNDS)} ESOL Plus rounds, {len(projects)} funded projects")
    written = returns.seed(projects=projects, people=people)
    log(f"  {written} monitoring returns (demo values)")
    entries = provision.seed()
    log(f"  {entries} ESOL provision directory entries (demo entries) and borough ESOL contacts")
