"""Two writes at the same moment, each fine alone and wrong together; the row locks make the
second wait and see the first, so exactly one succeeds (on Postgres by select_for_update; on
SQLite by its write lock, taken at the start of every transaction).

- Two officers awarding grants in one round: together they pass its budget (the round's lock).
- Two officers giving one decision line to two rounds: together they give out more than the
  line (the line's lock).
"""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from esol.models import Project, RoundFunding
from esol.services import projects as project_services
from esol.services import rounds as services
from tests.factories.esol import GranteeFactory, RoundFactory, funded_round, spending_line

pytestmark = pytest.mark.django_db(transaction=True)


def _wait_for_the_other(barrier):
    # Each writer waits here, its row written and its check about to run, for the other. Without
    # the lock both arrive and both checks pass; with it the second is still waiting for the lock,
    # so the first gives up waiting after a second, commits, and the second then sees its row.
    try:
        barrier.wait(timeout=1)
    except threading.BrokenBarrierError:
        pass


def _race(*writers):
    outcomes = []

    def run(write):
        try:
            write()
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(write,)) for write in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


def test_two_grants_at_once_cannot_pass_the_rounds_budget(monkeypatch):
    round_ = funded_round("100000.00")
    lead_a, lead_b = GranteeFactory(), GranteeFactory()
    original, barrier = project_services.check_grants_within_budget, threading.Barrier(2)

    def slow_check(current):
        _wait_for_the_other(barrier)
        original(current)

    monkeypatch.setattr(project_services, "check_grants_within_budget", slow_check)

    def award(lead, title):
        return lambda: project_services.project_create(
            round_=round_, title=title, lead_organisation=lead, grant_awarded=Decimal("60000.00"),
            starts_on=dt.date(2026, 4, 1), ends_on=dt.date(2027, 3, 31))

    assert _race(award(lead_a, "Crèche classes"), award(lead_b, "Evening classes")) == ["refused", "saved"]
    assert services.awarded_total(round_) == Decimal("60000.00")
    assert Project.objects.filter(round=round_).count() == 1


def test_one_line_given_to_two_rounds_at_once_cannot_be_overcommitted(monkeypatch):
    line = spending_line("100000.00")
    first, second = RoundFactory(), RoundFactory()
    original, barrier = services.check_line_not_overcommitted, threading.Barrier(2)

    def slow_check(current_line):
        _wait_for_the_other(barrier)
        original(current_line)

    monkeypatch.setattr(services, "check_line_not_overcommitted", slow_check)

    def give(round_):
        return lambda: services.round_funding_add(round_=round_, line=line, amount=Decimal("60000.00"))

    assert _race(give(first), give(second)) == ["refused", "saved"]
    assert RoundFunding.objects.filter(line=line).count() == 1
    assert services.given_out(line) == Decimal("60000.00")
