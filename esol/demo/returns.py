"""Monitoring returns of the demo projects, made by the schedule service from each project's dates,
with invented figures and narratives (every one marked is_demo, and the pages say "Demo values").

Poplar HARCA's and Sutton College's returns were all submitted on time and accepted. Learning
Unlimited's show the rest of the workflow: one was returned with a comment and accepted when sent
again, the last period's came in late and waits for review, and the final return is missing, so the
officer's dashboard has late and missing returns and the grantee demo account has one to finish.

A return that already has steps is left as it is (someone may have moved it on since)."""

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone

from ..models import MonitoringReturn, ReturnKind, ReturnStatus, ReturnTransition
from ..services.schedules import schedule_generate

PROGRESS = [
    "Classes ran every week with the crèche full; attendance settled at about four in five learners.",
    "Learners moved up a level after the mid-term assessment; two joined a volunteering scheme.",
    "A holiday programme kept families learning through the break; most learners came back after it.",
    "Learners led a session for new starters and wrote about their neighbourhood.",
]
BARRIERS = "Some learners missed classes in school holidays; we moved two sessions to a Saturday."
RETURNED_COMMENT = "The learning hours do not match the class registers' totals: check and send it again."


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


COUNTS = ("learners_enrolled", "learners_completed", "learners_progressed", "learning_hours", "spend")


def _period_figures(project, index: int, periods: int) -> dict:
    """A period's share of the project's targets: most learners enrol in the first period."""
    enrolled = project.target_enrolled * 2 // 3 if index == 0 else project.target_enrolled // (3 * max(periods - 1, 1))
    return {
        "learners_enrolled": enrolled,
        "learners_completed": project.target_completed // periods,
        "learners_progressed": project.target_progressed // periods,
        "learning_hours": project.target_learning_hours // periods,
        "spend": (project.grant_awarded / Decimal(periods + 1)).quantize(Decimal("0.01"), rounding=ROUND_DOWN),
        "progress": "DEMO VALUES. " + PROGRESS[index % len(PROGRESS)],
        "barriers": BARRIERS if index % 2 else "",
    }


def _final_figures(period_figures: list[dict]) -> dict:
    """The whole project: the periods' figures added up."""
    totals = {name: sum((figures[name] for figures in period_figures), Decimal(0) if name == "spend" else 0)
              for name in COUNTS}
    return {**totals, "progress": "DEMO VALUES. The whole project: learners, partners and the crèche all stayed "
                                  "to the end; the sector guidance drew on what we learnt.", "barriers": BARRIERS}


def _step(monitoring_return, from_status, to_status, by, at, comment=""):
    ReturnTransition.objects.create(monitoring_return=monitoring_return, from_status=from_status,
                                    to_status=to_status, by=by, at=at, comment=comment)


def _fill(monitoring_return, *, figures, contact, officer, story: str):
    """Writes a demo return's answers and steps, as the grantee and the coordinator would have."""
    due = monitoring_return.due_on
    for name, value in figures.items():
        setattr(monitoring_return, name, value)
    monitoring_return.is_demo = True
    if story == "missing":
        for name in figures:
            setattr(monitoring_return, name, "" if name in ("progress", "barriers") else None)
        monitoring_return.save()
        return
    submitted = _at(due + dt.timedelta(days=9) if story == "late" else due - dt.timedelta(days=2))
    monitoring_return.submitted_at, monitoring_return.submitted_by = submitted, contact
    monitoring_return.status = {"late": ReturnStatus.SUBMITTED}.get(story, ReturnStatus.ACCEPTED)
    monitoring_return.save()
    _step(monitoring_return, ReturnStatus.DRAFT, ReturnStatus.SUBMITTED, contact, submitted)
    if story == "returned":
        _step(monitoring_return, ReturnStatus.SUBMITTED, ReturnStatus.RETURNED, officer, submitted + dt.timedelta(3),
              RETURNED_COMMENT)
        _step(monitoring_return, ReturnStatus.RETURNED, ReturnStatus.SUBMITTED, contact, submitted + dt.timedelta(5))
        _step(monitoring_return, ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED, officer, submitted + dt.timedelta(8))
    elif story == "accepted":
        _step(monitoring_return, ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED, officer, submitted + dt.timedelta(4))


def _stories(count: int, *, live: bool) -> list[str]:
    if not live:
        return ["accepted"] * count
    # Learning Unlimited's: one sent back and accepted, the last period late, the final one missing.
    stories = ["accepted"] * count
    stories[1 if count > 3 else 0] = "returned"
    stories[-2], stories[-1] = "late", "missing"
    return stories


def seed(*, projects, people) -> int:
    officer = people["officer"]
    written = 0
    for project in projects:
        schedule_generate(project=project)
        contact = project.reporting_contacts.first()
        returns = list(MonitoringReturn.objects.filter(project=project).order_by("kind", "period_start"))
        periodic = [r for r in returns if r.kind == ReturnKind.PERIODIC]
        final = [r for r in returns if r.kind == ReturnKind.FINAL]
        ordered = periodic + final
        live = project.lead_organisation.name == "Learning Unlimited"
        period_figures = [_period_figures(project, index, len(periodic)) for index in range(len(periodic))]
        figures = [*period_figures, _final_figures(period_figures)]
        for monitoring_return, story, answers in zip(ordered, _stories(len(ordered), live=live), figures,
                                                     strict=True):
            if monitoring_return.transitions.exists() or (story == "missing" and monitoring_return.is_demo):
                continue
            _fill(monitoring_return, figures=answers, contact=contact, officer=officer, story=story)
        written += len(ordered)
    return written
