"""Demo data for funding: MD2628 exactly as seed 002 gives it, the decisions it names (MD2461,
MD2336, DD2239) as records, a few drafts and a withdrawn decision, and the three funding streams
of seed 001. Idempotent: every row is found by its natural key, so a second run changes nothing.

Where the seeds are silent the demo says so rather than invent: the published MD2628 page leaves
"Date signed" blank, but a signed decision must carry its date (a database rule), so the signed
records carry PLACEHOLDER dates (marked below). The seeds give no amounts for the Controlling
Migration Fund or the CII, and do not name the CII's funders: those streams have none here."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from funding.exports import document_pdf
from funding.models import (
    Decision,
    DecisionDocument,
    DecisionItem,
    DecisionRelation,
    DecisionStatus,
    DocumentKind,
    FundingStream,
    Line,
    LineDirection,
    Milestone,
    RelationKind,
    Risk,
    StreamAllocation,
)
from funding.services import check_balance, decision_create, decision_submit, part_save
from partnership.models import Organisation, OrganisationKind, User

from . import md2628

HOME_OFFICE = "Home Office"
MHCLG = "Ministry of Housing, Communities and Local Government"
# Seed 002: "£30,000 from the Communities and Social Policy Unit's social integration budget ...
# funded by the 2020/21 ESOL Plus programme budget under the Social Integration workstream".
GLA_MATCH_BUDGET = "Social Integration budget (ESOL Plus programme 2020/21)"

# PLACEHOLDER dates (see the module docstring): the seeds give none.
MD2628_DATE_SIGNED = dt.date(2020, 9, 1)
MD2628_INCOME_CONFIRMED_ON = dt.date(2020, 6, 1)  # "confirmed in writing by the Home Office (Appendix A)"

# The records MD2628 names; the seed says what each is, not its title or date.
RELATED_RECORDS = [
    # code, title, date signed (PLACEHOLDER), relation from MD2628
    ("MD2461", "London Strategic Migration Partnership 2019/20", dt.date(2019, 9, 1), RelationKind.PREVIOUS_YEAR),
    ("MD2336", "London Strategic Migration Partnership (earlier grant)", dt.date(2018, 9, 1), RelationKind.RELATED),
    ("DD2239", "Portal for European Londoners and micro-grant scheme for civil society outreach",
     dt.date(2018, 6, 1), RelationKind.RELATED),
]

# Illustrative drafts and a withdrawn decision (not from the seeds; amounts mirror the grant).
# (code, title, status, withdrawn reason, funding stream's short name)
DRAFTS = [
    ("MD2800", "London Strategic Migration Partnership 2021/22", DecisionStatus.DRAFT, "", "LSMP"),
    ("DD2512", "Controlling Migration Fund: non-UK national rough sleeping posts 2021/22", DecisionStatus.DRAFT, "",
     "CMF"),
    ("DD2480", "LSMP meeting facilitation costs 2020/21", DecisionStatus.WITHDRAWN,
     "Covered by MD2628, which approves meeting facilitation costs from the Home Office grant.", "LSMP"),
]

# Sent for signature the way an officer does it (see _awaiting_signature). The seeds give no CII
# amounts, so it has no lines: its one decision item names what it approves.
AWAITING_CODE = "ADD2101"
AWAITING_TITLE = "Citizenship and Integration Initiative secondments 2021/22"
AWAITING_ITEM = ("1", "the secondment of staff from civil society organisations into the GLA Migration Team for "
                      "2021/22, funded through the Citizenship and Integration Initiative.")


def _organisation(name, kind):
    return Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]


def _officer():
    return User.objects.filter(email="officer@example.org").first()


def _line(decision, direction, amount, year, purpose, *, funder=None, budget="", confirmed_on=None, description=""):
    Line.objects.update_or_create(
        decision=decision, direction=direction, financial_year=year, purpose=purpose,
        source_organisation=funder, source_budget=budget,
        defaults={"amount": Decimal(amount), "description": description,
                  "confirmed_in_writing": confirmed_on is not None, "confirmed_on": confirmed_on})


def _pdf_document(decision, kind, title, text):
    if DecisionDocument.objects.filter(decision=decision, kind=kind, title=title).exists():
        return
    content = document_pdf(title=title, text=text)
    document = DecisionDocument(decision=decision, kind=kind, title=title, original_filename=f"{title}.pdf",
                                content_type="application/pdf", size_bytes=len(content))
    document.file.save(f"{decision.reference_code}.pdf", ContentFile(content), save=False)
    document.save()


def _md2628(home_office, stream, officer):
    decision, _ = Decision.objects.update_or_create(reference_code=md2628.REFERENCE_CODE, defaults={
        "title": md2628.TITLE, "decision_type": md2628.DECISION_TYPE,
        "decision_by_name": md2628.DECISION_BY_NAME, "decision_by_title": md2628.DECISION_BY_TITLE,
        "status": DecisionStatus.SIGNED, "date_signed": MD2628_DATE_SIGNED,
        "executive_summary": md2628.EXECUTIVE_SUMMARY, "part1_facts": md2628.PART1_FACTS,
        "equality_comments": md2628.EQUALITY_COMMENTS, "strategy_links": md2628.STRATEGY_LINKS,
        "impact_assessments": md2628.IMPACT_ASSESSMENTS, "financial_comments": md2628.FINANCIAL_COMMENTS,
        "legal_comments": md2628.LEGAL_COMMENTS, "funding_stream": stream, "responsible_officer": officer,
    })
    for number, text in md2628.DECISION_ITEMS:
        DecisionItem.objects.update_or_create(decision=decision, number=number, defaults={"text": text})
    # Decision items 1 and 2: receipt of £154,000 from the Home Office for 2020/21 and its
    # expenditure on three posts; 2b: £30,000 GLA match funding for ESOL coordination.
    _line(decision, LineDirection.INCOME, "154000.00", 2020, "LSMP grant", funder=home_office,
          confirmed_on=MD2628_INCOME_CONFIRMED_ON, description="Home Office grant for 2020/21 (Appendix A)")
    _line(decision, LineDirection.EXPENDITURE, "64000.00", 2020, "Enabling", funder=home_office,
          description="A lead officer to coordinate the LSMP and to manage the delivery of its work plan")
    _line(decision, LineDirection.EXPENDITURE, "60000.00", 2020, "Resettlement coordination", funder=home_office,
          description="An officer to deliver the resettlement programme of work")
    _line(decision, LineDirection.EXPENDITURE, "30000.00", 2020, "ESOL coordination", funder=home_office,
          description="An officer to deliver the ESOL programme of work (match-funded)")
    _line(decision, LineDirection.EXPENDITURE, "30000.00", 2020, "ESOL coordination", budget=GLA_MATCH_BUDGET,
          description="GLA match funding for the staffing costs of the ESOL coordinator post")
    for description, mitigations, probability, impact in md2628.RISKS:
        Risk.objects.update_or_create(decision=decision, description=description, defaults={
            "mitigations": mitigations, "probability": probability, "impact": impact})
    for activity, timeline in md2628.MILESTONES:
        Milestone.objects.update_or_create(decision=decision, activity=activity, defaults={"timeline": timeline})
    _pdf_document(decision, DocumentKind.SIGNED, md2628.SIGNED_DOCUMENT_TITLE,
                  "Demo copy generated by the portal: the signed form is held by the GLA.")
    for title in md2628.APPENDIX_TITLES:
        _pdf_document(decision, DocumentKind.APPENDIX, title,
                      "Demo copy generated by the portal: the letter is held by the GLA.")
    return decision


def _streams(home_office, mhclg, officer):
    lsmp, _ = FundingStream.objects.update_or_create(short_name="LSMP", defaults={
        "name": "Home Office LSMP grant", "funded_since": 2008, "ends_on": dt.date(2021, 3, 31),
        "lead_officer": officer,
        "summary": ("The Greater London Authority is funded by the Home Office to lead the London Strategic "
                    "Migration Partnership. The GLA has received grant funding for this work stream since 2008."),
        "pays_for": ("Three posts in the Migration Team: a lead officer who manages the Partnership, a Refugee "
                     "Resettlement Coordinator, and an ESOL coordinator."),
    })
    lsmp.funders.set([home_office])
    # Seed 002: the previous agreement (1 April 2019 to 31 March 2020) and the new one, £154,000 each.
    for year in (2019, 2020):
        StreamAllocation.objects.update_or_create(stream=lsmp, funder=home_office, financial_year=year, defaults={
            "amount": Decimal("154000.00"), "pays_for": "Lead officer, resettlement coordinator, ESOL coordinator"})
    cmf, _ = FundingStream.objects.update_or_create(short_name="CMF", defaults={
        "name": "Controlling Migration Fund",
        "summary": ("Funded by the Ministry of Housing, Communities and Local Government to help local authorities "
                    "respond to the impact of recent migration on their communities. The GLA's funding is targeted "
                    "at supporting non-UK national rough sleepers to find a sustainable route off the streets."),
        "pays_for": ("Two posts between the Migration Team and the Rough Sleeping Team: strategic direction and "
                     "oversight on solutions to non-UK national rough sleeping in the capital, and working with "
                     "civil society to strengthen migrant voice in this area."),
    })
    cmf.funders.set([mhclg])
    cii, _ = FundingStream.objects.update_or_create(short_name="CII", defaults={
        "name": "Citizenship and Integration Initiative", "funded_since": 2017,
        "target_amount": Decimal("1000000.00"),
        "summary": ("A pooled fund launched in 2017 to raise and distribute £1 million from a number of "
                    "independent funders in the Mayoral term, testing cross-sector partnership between the GLA, "
                    "civil society organisations and independent philanthropic funders."),
        "pays_for": ("Secondments from civil society organisations into the GLA, such as Just for Kids Law, Coram "
                     "Children's Legal Centre, Citizens UK and Migrants Organise; this year secondees from Doctors "
                     "of the World (migrants' access to health care) and New Europeans UK (European Londoners)."),
    })
    return lsmp, cmf, cii


def _awaiting_signature(cii, officer):
    """ADD2101 through the services, as an officer sends one: a draft, its decision item, then
    decision_submit, which refuses a decision without items or whose money does not balance.
    Found by its code on a later run and left as it is (an officer may have moved it on)."""
    existing = Decision.objects.filter(reference_code=AWAITING_CODE).first()
    if existing is not None:
        return existing
    decision = decision_create(
        by=officer, reference_code=AWAITING_CODE, title=AWAITING_TITLE, decision_type="assistant_director",
        decision_by_name="Assistant Director, Communities", decision_by_title="GLA", funding_stream=cii,
        executive_summary="Illustrative demo decision awaiting signature.",
        part2_confidential="Illustrative confidential advice: GLA officers only.")
    number, text = AWAITING_ITEM
    part_save(part=DecisionItem(decision=decision, number=number, text=text), decision=decision)
    return decision_submit(decision=decision)


def seed(*, log, password: str) -> None:
    home_office = _organisation(HOME_OFFICE, OrganisationKind.GOVERNMENT)
    mhclg = _organisation(MHCLG, OrganisationKind.GOVERNMENT)
    officer = _officer()
    lsmp, cmf, cii = _streams(home_office, mhclg, officer)
    streams = {"LSMP": lsmp, "CMF": cmf, "CII": cii}
    decision = _md2628(home_office, lsmp, officer)

    for code, title, signed_on, kind in RELATED_RECORDS:
        record, _ = Decision.objects.update_or_create(reference_code=code, defaults={
            "title": title, "decision_type": "director" if code.startswith("DD") else "mayor",
            "decision_by_name": "Sadiq Khan" if code.startswith("MD") else "Director, Communities and Skills",
            "decision_by_title": "Mayor of London" if code.startswith("MD") else "GLA",
            "status": DecisionStatus.SIGNED, "date_signed": signed_on,
            "funding_stream": lsmp if code == "MD2461" else None,
            "executive_summary": "Recorded as named by MD2628; the full decision is on the GLA's website.",
        })
        DecisionRelation.objects.update_or_create(from_decision=decision, to_decision=record, defaults={"kind": kind})
    # Seed 002: "The previous grant agreement was for £154,000 and covered ... 2019 to ... 2020."
    _line(Decision.objects.get(reference_code="MD2461"), LineDirection.INCOME, "154000.00", 2019, "LSMP grant",
          funder=home_office, confirmed_on=dt.date(2019, 6, 1))

    for code, title, status, reason, stream in DRAFTS:
        draft, _ = Decision.objects.update_or_create(reference_code=code, defaults={
            "title": title, "status": status, "withdrawn_reason": reason, "responsible_officer": officer,
            "decision_type": {"MD": "mayor", "DD": "director"}.get(code[:2], "assistant_director"),
            "decision_by_name": "Sadiq Khan" if code.startswith("MD") else "Assistant Director, Communities",
            "decision_by_title": "Mayor of London" if code.startswith("MD") else "GLA",
            "funding_stream": streams[stream],
            "executive_summary": "Illustrative demo draft.",
            "part2_confidential": "Illustrative confidential advice: GLA officers only.",
        })
        if code == "MD2800":
            _line(draft, LineDirection.INCOME, "154000.00", 2021, "LSMP grant", funder=home_office)
            _line(draft, LineDirection.EXPENDITURE, "64000.00", 2021, "Enabling", funder=home_office)
            DecisionItem.objects.update_or_create(decision=draft, number="1", defaults={
                "text": "receipt of £154,000 of grant funding from the Home Office"})
            DecisionRelation.objects.update_or_create(from_decision=draft, to_decision=decision,
                                                      defaults={"kind": RelationKind.PREVIOUS_YEAR})
            Milestone.objects.update_or_create(decision=draft, activity="LSMP workplan approved by LSMP",
                                               defaults={"timeline": "July 2021"})
            Risk.objects.update_or_create(decision=draft, description="Grant confirmation arrives late", defaults={
                "mitigations": "Ask the Home Office for a letter of intent", "probability": 3, "impact": 3})
    _awaiting_signature(cii, officer)

    for record in Decision.objects.filter(reference_code__in=["MD2628", "MD2461", "MD2800"]):
        check_balance(record)  # the demo obeys the same money rule as every other write
    log(f"  MD2628 and {len(RELATED_RECORDS)} related decisions, {len(DRAFTS)} drafts/withdrawn, 1 awaiting signature, "
        "3 funding streams")
