"""Two writes at the same moment, each fine alone and wrong together; a row lock makes the second
wait and see the first, so exactly one succeeds (on Postgres by select_for_update; on SQLite by
its write lock, taken at the start of every transaction).

- Two officers adding spending to one decision: together they overspend (the decision's lock).
- An officer changing a stream's code while another signs a decision recorded against it: the
  signed decision would name a code the stream no longer has (the stream's lock).
"""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from funding import services
from funding.models import Decision, DecisionStatus, FundingStream, Line, LineDirection
from tests.factories.funding import DecisionFactory, FundingStreamFactory, LineFactory, home_office, pdf_bytes

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


def test_a_stream_code_cannot_change_while_a_decision_against_it_is_signed(monkeypatch):
    """Signing holds the decision's lock; unless it holds the stream's too, the code change takes
    the stream's lock freely, finds no signed decision (the signing has not committed yet) and
    commits after it. On Postgres this test fails without the stream lock in decision_sign (both
    succeed and the code changes under the signed decision); on SQLite the signing's write lock
    makes the change wait whatever the services lock, so there it passes either way."""
    stream = FundingStreamFactory(short_name="LSMP")
    decision = DecisionFactory(status=DecisionStatus.AWAITING_SIGNATURE, funding_stream=stream)
    renamed = FundingStream.objects.get(pk=stream.pk)
    renamed.short_name = "LSMP-2"
    original_confirmed, original_naming = services.check_third_party_income_confirmed, services.signed_decisions_naming
    signing_started, both_checked = threading.Event(), threading.Barrier(2)

    def wait_for_the_other():
        # Each waits here, rule checked, for the other: without the stream lock both arrive, the
        # change having seen no signed decision; with it the change is still waiting for the
        # lock, so the signing gives up waiting after a second and commits first.
        try:
            both_checked.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass

    def slow_confirmed(current):
        original_confirmed(current)
        signing_started.set()  # the signing holds its locks now: the code change may start
        wait_for_the_other()

    def slow_naming(current):
        signed = original_naming(current)
        wait_for_the_other()
        return signed

    monkeypatch.setattr(services, "check_third_party_income_confirmed", slow_confirmed)
    monkeypatch.setattr(services, "signed_decisions_naming", slow_naming)
    outcomes = []

    def sign():
        try:
            services.decision_sign(decision=decision, date_signed=dt.date(2020, 9, 1), by=None,
                                   signed_pdf=SimpleUploadedFile("signed.pdf", pdf_bytes()))
            outcomes.append("signed")
        finally:
            connection.close()

    def change_code():
        signing_started.wait(timeout=10)
        try:
            services.stream_save(stream=renamed, funders=[])
            outcomes.append("code changed")
        except ValidationError:
            outcomes.append("code kept")
        finally:
            connection.close()

    threads = [threading.Thread(target=sign), threading.Thread(target=change_code)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["code kept", "signed"]
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.SIGNED
    assert FundingStream.objects.get(pk=stream.pk).short_name == "LSMP"
