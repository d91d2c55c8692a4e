"""The money rules: positive amounts (form, service, database), expenditure from a funder never
above its income in a year (service, on every write path), third-party income confirmed in
writing before signing, exactly one source per line, and Decimal all the way."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from funding import services
from funding.forms import LineForm
from funding.models import DecisionStatus, Line, LineDirection
from partnership.models import OrganisationKind
from tests.factories.funding import DecisionFactory, DecisionItemFactory, LineFactory, home_office, pdf_bytes
from tests.factories.partnership import OrganisationFactory, gla_officer

pytestmark = pytest.mark.django_db


def _line(decision, direction, amount, *, year=2020, funder=None, budget="", purpose="Enabling", confirmed=False):
    return Line(decision=decision, direction=direction, amount=Decimal(amount), financial_year=year,
                source_organisation=funder if not budget else None, source_budget=budget, purpose=purpose,
                confirmed_in_writing=confirmed, confirmed_on=dt.date(2020, 6, 1) if confirmed else None)


def test_amount_must_be_positive_in_the_database():
    line = LineFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=line.pk).update(amount=Decimal("-1.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=line.pk).update(amount=Decimal("0.00"))


def test_service_refuses_a_negative_amount_with_a_clear_message():
    decision = DecisionFactory()
    with pytest.raises(ValidationError) as refused:
        services.line_save(line=_line(decision, LineDirection.INCOME, "-5.00", funder=home_office()))
    assert "Amounts are always positive" in str(refused.value)
    assert not Line.objects.exists()


@pytest.mark.parametrize("typed, message", [
    ("-100", "at least £0.01"), ("0", "at least £0.01"), ("12.345", "at most 2 decimal places"),
    ("lots", "as a number"), ("1e400", "below £10,000,000,000"), ("NaN", "as a number"),
    ("99999999999", "below £10,000,000,000"),
])
def test_line_form_explains_bad_amounts(typed, message):
    form = LineForm(data={"direction": "income", "amount": typed, "financial_year": "2020",
                          "source_organisation": home_office().pk, "purpose": "LSMP grant"})
    assert not form.is_valid()
    assert message in form.errors["amount"][0]


def test_amounts_are_decimals_to_the_penny():
    decision = DecisionFactory()
    services.line_save(line=_line(decision, LineDirection.INCOME, "0.10", funder=home_office()))
    services.line_save(line=_line(decision, LineDirection.INCOME, "0.20", funder=home_office(), purpose="More"))
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "0.30", funder=home_office()))
    amounts = sorted(Line.objects.values_list("amount", flat=True))
    assert all(isinstance(a, Decimal) for a in amounts)
    assert sum(amounts[:2]) == Decimal("0.30")  # a float would make this 0.30000000000000004


def test_expenditure_cannot_exceed_income_from_the_same_funder_in_a_year():
    decision, funder = DecisionFactory(), home_office()
    services.line_save(line=_line(decision, LineDirection.INCOME, "154000.00", funder=funder))
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "154000.00", funder=funder))
    with pytest.raises(ValidationError) as refused:
        services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "0.01", funder=funder, purpose="More"))
    message = str(refused.value)
    assert "Home Office" in message and "2020/21" in message and "£154,000.01" in message
    assert decision.lines.count() == 2


def test_income_in_another_year_or_from_another_funder_does_not_cover_expenditure():
    decision, funder = DecisionFactory(), home_office()
    other = OrganisationFactory(name="Paul Hamlyn Foundation", kind=OrganisationKind.FUNDER)
    services.line_save(line=_line(decision, LineDirection.INCOME, "1000.00", funder=funder, year=2019))
    services.line_save(line=_line(decision, LineDirection.INCOME, "1000.00", funder=other, year=2020))
    with pytest.raises(ValidationError):
        services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "10.00", funder=funder, year=2020))


def test_gla_budget_expenditure_needs_no_income_line():
    decision = DecisionFactory()
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "30000.00", budget="Social Integration"))
    assert decision.lines.get().source_label == "GLA budget: Social Integration"


def test_editing_a_line_is_checked_too():
    decision, funder = DecisionFactory(), home_office()
    services.line_save(line=_line(decision, LineDirection.INCOME, "100.00", funder=funder))
    spend = services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "100.00", funder=funder))
    spend.amount = Decimal("100.01")
    with pytest.raises(ValidationError):
        services.line_save(line=spend)
    assert Line.objects.get(pk=spend.pk).amount == Decimal("100.00")


def test_deleting_income_that_is_spent_is_refused():
    decision, funder = DecisionFactory(), home_office()
    income = services.line_save(line=_line(decision, LineDirection.INCOME, "100.00", funder=funder))
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "60.00", funder=funder))
    with pytest.raises(ValidationError):
        services.line_delete(line=income)
    assert Line.objects.filter(pk=income.pk).exists()


def test_a_line_has_exactly_one_source_in_the_database():
    line = LineFactory(direction=LineDirection.EXPENDITURE, decision=LineFactory().decision)
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=line.pk).update(source_budget="Social Integration")  # both
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=line.pk).update(source_organisation=None)  # neither


def test_income_never_comes_from_a_gla_budget():
    line = LineFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=line.pk).update(source_organisation=None, source_budget="Social Integration")


def test_a_written_confirmation_needs_its_date_and_is_for_income_only():
    income = LineFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=income.pk).update(confirmed_in_writing=True)
    spend = LineFactory(decision=income.decision, direction=LineDirection.EXPENDITURE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.filter(pk=spend.pk).update(confirmed_in_writing=True, confirmed_on=dt.date(2020, 6, 1))


def _ready_to_sign(*, confirmed):
    decision, funder = DecisionFactory(), home_office()
    DecisionItemFactory(decision=decision)
    services.line_save(line=_line(decision, LineDirection.INCOME, "154000.00", funder=funder, confirmed=confirmed))
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "64000.00", funder=funder))
    return services.decision_submit(decision=decision)


def _signed_pdf():
    return SimpleUploadedFile("signed.pdf", pdf_bytes(), content_type="application/pdf")


def test_third_party_income_must_be_confirmed_in_writing_before_signing():
    decision = _ready_to_sign(confirmed=False)
    with pytest.raises(ValidationError) as refused:
        services.decision_sign(decision=decision, date_signed=dt.date(2020, 9, 1), signed_pdf=_signed_pdf(),
                               by=gla_officer())
    assert "not confirmed in writing" in str(refused.value)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_SIGNATURE
    assert not decision.documents.exists()


def test_confirmed_income_lets_the_decision_be_signed():
    decision = _ready_to_sign(confirmed=True)
    signed = services.decision_sign(decision=decision, date_signed=dt.date(2020, 9, 1), signed_pdf=_signed_pdf(),
                                    by=gla_officer())
    assert signed.status == DecisionStatus.SIGNED
    assert signed.date_signed == dt.date(2020, 9, 1)


def test_a_decision_spending_only_gla_budget_needs_no_confirmation():
    decision = DecisionFactory()
    DecisionItemFactory(decision=decision)
    services.line_save(line=_line(decision, LineDirection.EXPENDITURE, "30000.00", budget="Social Integration"))
    services.decision_submit(decision=decision)
    signed = services.decision_sign(decision=decision, date_signed=dt.date(2020, 9, 1), signed_pdf=_signed_pdf(),
                                    by=gla_officer())
    assert signed.status == DecisionStatus.SIGNED
