"""The rounds, the decisions and lines that fund them, and the funded projects.

Facts (esol-plus-facts.md): Childcare had up to £80,000 in all, opened Friday 9 March 2018 and
closed 4pm Monday 16 April 2018; Employers gave up to £20,000 of match funding per bid and closed
4pm Monday 23 April 2018; Arts had £100,000 in all for projects of £10,000 to £30,000, four funded,
and ran in 2020 and 2021; ADD2388 moved £25,000 from the Social Integration budget to ESOL Plus for
2019/20 to add the Arts round; ADD2666 gave £200,907 from the Homes for Ukraine scheme, under
MD3118, to the ESOL London Capacity Fund over 2023-24 and 2024-25; MD2461 approved the programme's
initial budget.

Not in the facts, so marked here and on the pages: how much of MD2461 went to ESOL Plus (a DEMO
line of £155,000: Childcare's £80,000 and the £75,000 of Arts that ADD2388 did not give), the dates
ADD2388 and ADD2666 were signed (PLACEHOLDER dates), each project's grant and targets (DEMO), and
the Employers round's total (left empty: the round then awards nothing here)."""

import datetime as dt
from decimal import Decimal

from funding.models import Decision, DecisionItem, DecisionStatus, Line, LineDirection
from funding.services import check_balance
from partnership.models import Organisation

from ..models import Project, ProjectStatus, ReportingFrequency, Round, RoundFunding, RoundStatus
from ..services.rounds import check_budget_funded, check_grants_within_budget
from .accounts import FOTOSYNTHESIS, LEARNING_UNLIMITED, POPLAR_HARCA, SUTTON_COLLEGE

SOCIAL_INTEGRATION = "Social Integration budget"

# code, title, type, date signed (PLACEHOLDER), decision item
DECISIONS = [
    ("ADD2388", "Social Integration ESOL Plus project spending", "assistant_director", dt.date(2019, 10, 1),
     "expenditure of £25,000 from the Social Integration budget on the ESOL Plus pilots for 2019/20, to add a "
     "round working with arts organisations."),
    ("ADD2666", "ESOL London Capacity Fund", "assistant_director", dt.date(2023, 7, 1),
     "expenditure of £200,907 of Homes for Ukraine scheme funding, under MD3118, on CELTA tutor training by seven "
     "Adult Education Budget providers over 2023-24 and 2024-25."),
]

# decision, purpose, amount, financial year, GLA budget, description
LINES = [
    ("ADD2388", "ESOL Plus Arts", "25000.00", 2019, SOCIAL_INTEGRATION,
     "Moved from the Social Integration budget to the ESOL Plus pilots for 2019/20 (ADD2388)."),
    ("ADD2666", "ESOL London Capacity Fund", "200907.00", 2023, "Homes for Ukraine scheme funding (MD3118)",
     "Over 2023-24 and 2024-25; the public record does not split it by year."),
    ("MD2461", "ESOL Plus programme", "155000.00", 2019, SOCIAL_INTEGRATION,
     "DEMO AMOUNT: MD2461 approved the ESOL Plus programme's initial budget, but the figure is not in the "
     "facts. £155,000 is the Childcare round's £80,000 plus the £75,000 of the Arts round ADD2388 did not give."),
]

ROUNDS = [
    {"name": "ESOL Plus Childcare", "status": RoundStatus.CLOSED, "budget": "80000.00",
     "opens_on": dt.date(2018, 3, 9), "closes_on": dt.date(2018, 4, 16), "closing_time": dt.time(16, 0),
     "grant_min": None, "grant_max": None,
     "purpose": "Innovative pilot projects meeting the needs of learners with childcare responsibilities, whose "
                "needs mainstream provision (the Adult Education Budget) struggles to meet.",
     "barriers": "Childcare responsibilities: classes at times and places parents can attend, with childcare.",
     "notes": "Up to £80,000 in all for providers' pilots. Interviews at City Hall on Friday 20 April 2018; "
              "applicants told, and work began, on Monday 23 April 2018. Awarded to two grantees. Output: guidance "
              "for the sector on setting up ESOL with childcare.",
     "funding": [("MD2461", "ESOL Plus programme", "80000.00")]},
    {"name": "ESOL Plus Employers", "status": RoundStatus.CLOSED, "budget": None,
     "opens_on": None, "closes_on": dt.date(2018, 4, 23), "closing_time": dt.time(16, 0),
     "grant_min": None, "grant_max": "20000.00",
     "purpose": "Employer partnerships meeting the needs of learners in low-paid or insecure work. Open to "
                "employers, membership bodies and sector skills bodies, alone or in partnership.",
     "barriers": "Low-paid or insecure work: shifts, long hours and workplaces far from classes.",
     "notes": "Up to £20,000 of match funding per bid. Priority to sectors with many migrant workers and to "
              "employers with good employment practice. The round's total budget is not in the public record, "
              "so none is recorded (and no grant can be awarded here until it is).",
     "funding": []},
    {"name": "ESOL Plus Arts", "status": RoundStatus.CLOSED, "budget": "100000.00",
     "opens_on": None, "closes_on": None, "closing_time": None,
     "grant_min": "10000.00", "grant_max": "30000.00",
     "purpose": "ESOL organisations paired with arts, culture or heritage partners: informal, participatory "
                "language learning, progression routes for learners, volunteers, and a community of practice run "
                "by the GLA.",
     "barriers": "Confidence and motivation; learners whom formal classes do not reach.",
     "notes": "£100,000 in all; 4 to 5 projects of £10,000 to £30,000 were expected, and four were funded. The "
              "round ran in 2020 and 2021; its application dates are not in the facts.",
     "funding": [("ADD2388", "ESOL Plus Arts", "25000.00"), ("MD2461", "ESOL Plus programme", "75000.00")]},
    {"name": "ESOL London Capacity Fund", "status": RoundStatus.CLOSED, "budget": "200907.00",
     "opens_on": None, "closes_on": None, "closing_time": None, "grant_min": None, "grant_max": None,
     "purpose": "CELTA tutor training by seven Adult Education Budget providers, to grow London's ESOL teaching "
                "capacity.",
     "barriers": "Too few qualified ESOL tutors for the learners waiting.",
     "notes": "£200,907 from the Homes for Ukraine scheme under MD3118 (ADD2666), over 2023-24 and 2024-25. The "
              "seven providers are not named in the facts, so no project is recorded.",
     "funding": [("ADD2666", "ESOL London Capacity Fund", "200907.00")]},
]

DEMO_GRANT = ("DEMO values: the grant and the targets. The facts give the round's total, not each project's "
              "grant, and no targets.")

# round, title, lead, partners, boroughs, grant (DEMO), dates, frequency, barriers, summary, targets (DEMO)
PROJECTS = [
    ("ESOL Plus Childcare", "ESOL with a crèche: Poplar HARCA pilot", POPLAR_HARCA, [], ["Tower Hamlets"],
     "40000.00", dt.date(2018, 7, 1), dt.date(2019, 7, 31), ReportingFrequency.QUARTERLY,
     "A crèche on site; a timetable around school hours and holidays; holiday activities for learners' families.",
     "A one-year pilot, July 2018 to July 2019 (the days of the month are not in the facts).",
     (60, 45, 20, 3000), "poplar@example.org"),
    ("ESOL Plus Childcare", "ESOL for parents: Sutton College pilot", SUTTON_COLLEGE, [], ["Sutton"],
     "40000.00", dt.date(2018, 11, 1), dt.date(2019, 3, 31), ReportingFrequency.MONTHLY,
     "Childcare for learners with young children; classes in partnership with four local authority adult "
     "learning services (not named in the facts).",
     "November 2018 to March 2019, in partnership with four local authority adult learning services.",
     (40, 30, 15, 1600), "sutton@example.org"),
    ("ESOL Plus Arts", "Photography and creative writing with Fotosynthesis", LEARNING_UNLIMITED, [FOTOSYNTHESIS],
     [], "25000.00", dt.date(2020, 9, 1), dt.date(2021, 7, 31), ReportingFrequency.QUARTERLY,
     "Confidence to speak and write: participatory photography and creative writing outside the classroom.",
     "Learning Unlimited with Fotosynthesis: participatory photography and creative writing. The round ran in "
     "2020 and 2021; these start and end dates are DEMO values within that.",
     (50, 35, 15, 1500), "grantee@example.org"),
]


def _decisions(officer) -> dict[str, Decision]:
    found = {"MD2461": Decision.objects.get(reference_code="MD2461")}
    for code, title, kind, signed_on, item in DECISIONS:
        decision, _ = Decision.objects.update_or_create(reference_code=code, defaults={
            "title": title, "decision_type": kind, "decision_by_name": "Assistant Director, Communities and Skills",
            "decision_by_title": "GLA", "status": DecisionStatus.SIGNED, "date_signed": signed_on,
            "responsible_officer": officer,
            "executive_summary": "Recorded from the GLA's public ESOL pages; the date signed is a PLACEHOLDER."})
        DecisionItem.objects.update_or_create(decision=decision, number="1", defaults={"text": item})
        found[code] = decision
    for code, purpose, amount, year, budget, description in LINES:
        Line.objects.update_or_create(
            decision=found[code], direction=LineDirection.EXPENDITURE, financial_year=year, purpose=purpose,
            source_organisation=None, source_budget=budget,
            defaults={"amount": Decimal(amount), "description": description})
    for decision in found.values():
        check_balance(decision)  # the demo obeys the funding money rule too
    return found


def _rounds(decisions) -> dict[str, Round]:
    rounds = {}
    for spec in ROUNDS:
        values = {key: value for key, value in spec.items() if key not in ("name", "funding")}
        for money in ("budget", "grant_min", "grant_max"):
            values[money] = Decimal(values[money]) if values[money] else None
        round_, _ = Round.objects.update_or_create(name=spec["name"], defaults=values)
        for code, purpose, amount in spec["funding"]:
            line = Line.objects.get(decision=decisions[code], direction=LineDirection.EXPENDITURE, purpose=purpose)
            RoundFunding.objects.update_or_create(round=round_, line=line, defaults={"amount": Decimal(amount)})
        rounds[round_.name] = round_
    return rounds


def seed(*, people) -> list[Project]:
    decisions = _decisions(people["officer"])
    rounds = _rounds(decisions)
    projects = []
    for (round_name, title, lead, partners, boroughs, grant, starts, ends, frequency, barriers, summary,
         targets, contact) in PROJECTS:
        enrolled, completed, progressed, hours = targets
        project, _ = Project.objects.update_or_create(round=rounds[round_name], title=title, defaults={
            "lead_organisation": Organisation.objects.get(name=lead), "grant_awarded": Decimal(grant),
            "starts_on": starts, "ends_on": ends, "reporting_frequency": frequency, "barriers_addressed": barriers,
            "summary": summary, "status": ProjectStatus.COMPLETED, "notes": DEMO_GRANT,
            "target_enrolled": enrolled, "target_completed": completed, "target_progressed": progressed,
            "target_learning_hours": hours})
        project.partners.set(Organisation.objects.filter(name__in=partners))
        project.boroughs.set(Organisation.objects.boroughs().filter(name__in=boroughs))
        project.reporting_contacts.set([people[contact]])
        projects.append(project)
    for round_ in rounds.values():
        check_budget_funded(round_)  # the demo obeys the money rules like every other write
        check_grants_within_budget(round_)
    return projects
