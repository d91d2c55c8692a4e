import datetime as dt
from decimal import Decimal
from functools import lru_cache

import factory
from django.core.files.base import ContentFile

from funding.exports import document_pdf
from funding.models import (
    Decision,
    DecisionDocument,
    DecisionItem,
    DecisionStatus,
    DocumentKind,
    FundingStream,
    Line,
    LineDirection,
    Milestone,
    Risk,
    StreamAllocation,
)
from partnership.models import OrganisationKind
from tests.factories.partnership import OrganisationFactory


@lru_cache(maxsize=32)
def pdf_bytes(text: str = "Signed decision") -> bytes:
    """A real, tagged PDF made as the portal makes documents (WeasyPrint); kept per text, since
    rendering takes a moment and the bytes never change."""
    return document_pdf(title=text, text=text)


def home_office():
    return OrganisationFactory(name="Home Office", kind=OrganisationKind.GOVERNMENT)


class FunderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Trust {n}")
    kind = OrganisationKind.FUNDER


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    reference_code = factory.Sequence(lambda n: f"MD{5000 + n}")
    title = factory.Sequence(lambda n: f"London Strategic Migration Partnership {n}")
    decision_by_name = "Sadiq Khan"
    decision_by_title = "Mayor of London"
    executive_summary = "The Home Office funds the GLA to lead the LSMP."
    part1_facts = "The previous grant agreement was for £154,000."
    part2_confidential = "CONFIDENTIAL-PART2-NEGOTIATING-POSITION"


class SignedDecisionFactory(DecisionFactory):
    status = DecisionStatus.SIGNED
    date_signed = factory.LazyFunction(lambda: dt.date(2020, 8, 1))


class DecisionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionItem

    decision = factory.SubFactory(DecisionFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    text = "receipt of £154,000 of grant funding from the Home Office"


class LineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Line

    decision = factory.SubFactory(DecisionFactory)
    direction = LineDirection.INCOME
    amount = Decimal("154000.00")
    financial_year = 2020
    source_organisation = factory.LazyFunction(home_office)
    purpose = "LSMP grant"


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    decision = factory.SubFactory(DecisionFactory)
    description = factory.Sequence(lambda n: f"Risk {n}")
    mitigations = "Virtual meetings\nConsult members"
    probability = 2
    impact = 2


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    decision = factory.SubFactory(DecisionFactory)
    activity = "LSMP workplan approved by LSMP"
    timeline = "July 2020"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionDocument

    decision = factory.SubFactory(SignedDecisionFactory)
    kind = DocumentKind.APPENDIX
    title = "Appendix A - Home Office Letter"
    file = factory.LazyFunction(lambda: ContentFile(pdf_bytes("Appendix"), name="appendix.pdf"))
    original_filename = "appendix.pdf"
    content_type = "application/pdf"
    size_bytes = factory.LazyAttribute(lambda d: d.file.size)


class FundingStreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingStream

    name = factory.Sequence(lambda n: f"Funding stream {n}")
    short_name = factory.Sequence(lambda n: f"FS{n}")
    summary = "A stream of money."
    pays_for = "Two posts"


class StreamAllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StreamAllocation

    stream = factory.SubFactory(FundingStreamFactory)
    funder = factory.SubFactory(FunderFactory)
    financial_year = 2020
    amount = Decimal("100000.00")
