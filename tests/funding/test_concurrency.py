"""Two officers adding spending at the same moment: each line is fine alone, together they
overspend. The decision's row lock makes the second write wait and see the first, so exactly
one succeeds (on Postgres by select_for_update; on SQLite by its write lock)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from funding import services
from funding.models import Line, LineDirection
from tests.factories.funding import DecisionFactory, LineFactory, home_office

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_spending_cannot_overspend(monkeypatch):
    decision, funder = DecisionFactory(), home_office()
    LineFactory(decision=decision, amount=Decimal("100.00"), source_organisation=funder)
    original_check = services.check_balance

    both_written = threading.Barrier(2)

    def slow_check(current):
        # Each officer waits here, line written, for the other. Without the row lock both arrive
        # and both checks pass; with it the second is still waiting for the lock, so the first
        # gives up waiting after a second, commits, and the second then sees its line.
        try:
            both_written.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass
        original_check(current)

    monkeypatch.setattr(services, "check_balance", slow_check)
    outcomes = []

    def spend(purpose):
        try:
            services.line_save(line=Line(decision=decision, direction=LineDirection.EXPENDITURE,
                                         amount=Decimal("60.00"), financial_year=2020,
                                         source_organisation=funder, purpose=purpose))
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=spend, args=(purpose,)) for purpose in ("Enabling", "ESOL coordination")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["refused", "saved"]
    spent = sum(Line.objects.filter(decision=decision, direction=LineDirection.EXPENDITURE)
                .values_list("amount", flat=True))
    assert spent == Decimal("60.00")
