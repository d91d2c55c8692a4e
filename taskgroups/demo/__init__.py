"""Demo data for task groups, drawn from the seeds: the three task groups the GLA convenes
(seed 000, remits in its words), with members from real kinds of organisation, a year of
meetings and papers; London Enriched Year 2 (seed 004) loaded from its spreadsheet through the
same import an officer uses; the move-on protocol of its priorities 2.4 and 8.1.

Invented and marked as demo: the people (example.org accounts, "(demo)" in their job titles),
the dates the groups were convened, the sites (is_demo, named "Demo ..."), their issues, the
protocol's dates, and which London Enriched actions are shown as done. Idempotent: each thing is
found by its name first."""

import datetime as dt
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.models import (
    ActionStatus,
    AgendaItem,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Paper,
    PaperVisibility,
    User,
)
from partnership.models.bodies import Cadence
from partnership.services.papers import paper_upload

from ..models import (
    CapacityBand,
    FocusArea,
    IssueCategory,
    IssueSeverity,
    IssueStatus,
    Protocol,
    Site,
    SiteIssue,
    SiteKind,
    TaskGroup,
    Workplan,
)
from ..services.site_issues import site_issue_record, site_issue_update
from ..services.workplan_imports import workplan_import_commit, workplan_import_read

SEED_004 = Path(__file__).parent / "london-enriched-year-2-implementation-plan.xlsx"
LONDON_ENRICHED = "London Enriched Year 2 Implementation Plan"

ORGANISATIONS = [
    ("NHS England (London region)", OrganisationKind.HEALTH, "Commissions primary care in London."),
    ("North Central London Integrated Care Board", OrganisationKind.HEALTH, "An NHS commissioner."),
    ("Clearsprings Ready Homes", OrganisationKind.BUSINESS,
     "Home Office contractor for asylum accommodation in London and the south of England."),
    ("Migrant Help", OrganisationKind.CIVIL_SOCIETY, "Home Office contractor for advice, issue reporting "
                                                     "and eligibility (AIRE)."),
    ("Refugee Council", OrganisationKind.CIVIL_SOCIETY, ""),
    ("Doctors of the World UK", OrganisationKind.HEALTH, "Civil society: healthcare access for excluded people."),
]
# email, name, job title, organisation (people are invented for the demo)
PEOPLE = [
    ("tg-nhs@example.org", "Priya Shah", "Primary care commissioning manager (demo)", "NHS England (London region)"),
    ("tg-icb@example.org", "Tom Okafor", "Inclusion health lead (demo)", "North Central London Integrated Care Board"),
    ("tg-provider@example.org", "Dana Price", "Regional contract manager (demo)", "Clearsprings Ready Homes"),
    ("tg-aire@example.org", "Sam Idris", "Partnerships manager (demo)", "Migrant Help"),
    ("tg-refugee-council@example.org", "Lena Novak", "Move-on project lead (demo)", "Refugee Council"),
    ("tg-dotw@example.org", "Jo Mensah", "Advocacy officer (demo)", "Doctors of the World UK"),
]
# short name, name, focus, covers sites, remit (seed 000), convened months ago, members
TASK_GROUPS = [
    ("Move-on TG", "Move-on Task Group", FocusArea.MOVE_ON, False,
     "Establish and review processes and protocols to enable a smooth transition to mainstream housing, welfare "
     "and support for newly recognised refugees", 14,
     [("officer@example.org", MembershipRole.CHAIR), ("tg-refugee-council@example.org", MembershipRole.MEMBER),
      ("tg-aire@example.org", MembershipRole.MEMBER), ("london-councils@example.org", MembershipRole.MEMBER),
      ("camden@example.org", MembershipRole.MEMBER)]),
    ("IA Health TG", "Initial Accommodation Healthcare Task Group", FocusArea.HEALTHCARE, True,
     "Support commissioners, local healthcare providers, Home Office contractors and statutory and non-statutory "
     "services to enable the delivery of accessible, quality healthcare to asylum applicants housed in Initial "
     "Accommodation, with a focus on contingency hotel accommodation", 13,
     [("officer@example.org", MembershipRole.CHAIR), ("tg-nhs@example.org", MembershipRole.MEMBER),
      ("tg-icb@example.org", MembershipRole.MEMBER), ("tg-provider@example.org", MembershipRole.MEMBER),
      ("tg-dotw@example.org", MembershipRole.MEMBER), ("member@example.org", MembershipRole.MEMBER)]),
    ("Hotels Welfare TG", "Contingency Hotels and Initial Accommodation Welfare Task Group",
     FocusArea.ACCOMMODATION_WELFARE, True,
     "Support the welfare of people seeking asylum accommodated in contingency hotels, as well as the core "
     "Initial Accommodation (IA) estate in London", 12,
     [("officer@example.org", MembershipRole.CHAIR), ("tg-provider@example.org", MembershipRole.MEMBER),
      ("tg-aire@example.org", MembershipRole.MEMBER), ("home-office@example.org", MembershipRole.MEMBER),
      ("hackney@example.org", MembershipRole.MEMBER)]),
]
MEETING_MONTHS = [-11, -8, -5, -2, 1]
# name, borough, kind, capacity, opened months ago, followed by (short names)
SITES = [
    ("Demo contingency hotel A", "Hillingdon", SiteKind.CONTINGENCY_HOTEL, CapacityBand.FROM_200, 30,
     ["IA Health TG", "Hotels Welfare TG"]),
    ("Demo contingency hotel B", "Croydon", SiteKind.CONTINGENCY_HOTEL, CapacityBand.FROM_100, 20,
     ["Hotels Welfare TG"]),
    ("Demo Initial Accommodation centre", "Newham", SiteKind.INITIAL_ACCOMMODATION, CapacityBand.FROM_50, 48,
     ["IA Health TG", "Hotels Welfare TG"]),
]
# site, summary, description, category, raised by, severity, people, days ago, [(status, note)]
ISSUES = [
    ("Demo contingency hotel A", "GP registration taking over four weeks",
     "New arrivals wait more than four weeks to register with the local practice; the practice list is closed "
     "to new patients.", IssueCategory.HEALTHCARE_ACCESS, "Doctors of the World UK", IssueSeverity.HIGH, 40, 70,
     [(IssueStatus.ESCALATED_PROVIDER, "Raised with the provider's regional contract manager."),
      (IssueStatus.RESOLVED, "The ICB commissioned an in-reach GP session each week.")]),
    ("Demo contingency hotel A", "No halal option at evening meals",
     "Residents report that the evening meal has had no halal option on several days.", IssueCategory.FOOD,
     "Migrant Help", IssueSeverity.MEDIUM, None, 20, [(IssueStatus.ESCALATED_PROVIDER, "Menu raised with the "
                                                                                       "hotel's catering lead.")]),
    ("Demo contingency hotel B", "No travel help to legal appointments",
     "Residents cannot get to solicitors' appointments in central London without travel passes.",
     IssueCategory.TRANSPORT, "Refugee Council", IssueSeverity.MEDIUM, 12, 15,
     [(IssueStatus.ESCALATED_HOME_OFFICE, "Asked the Home Office to confirm the travel policy for this site.")]),
    ("Demo Initial Accommodation centre", "Safeguarding referrals route unclear to hotel staff",
     "Staff were unsure which borough team takes safeguarding referrals for the site.", IssueCategory.SAFEGUARDING,
     "Newham", IssueSeverity.HIGH, None, 8, []),
]

def _people(password):
    for name, kind, notes in ORGANISATIONS:
        Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "notes": notes})
    for email, full_name, job_title, organisation in PEOPLE:
        user, created = User.objects.get_or_create(email=email, defaults={
            "full_name": full_name, "job_title": job_title,
            "organisation": Organisation.objects.get(name=organisation)})
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])

def _task_groups(today, officer, board):
    groups = {}
    for short_name, name, focus, covers, remit, months_ago, members in TASK_GROUPS:
        body, _ = Body.objects.get_or_create(short_name=short_name, defaults={
            "name": name, "kind": BodyKind.TASK_GROUP, "purpose": remit, "parent": board,
            "cadence": Cadence.QUARTERLY, "chair_name": "GLA Migration Team"})
        convened = today - dt.timedelta(days=round(months_ago * 30.4))
        group, _ = TaskGroup.objects.get_or_create(body=body, defaults={
            "remit": remit, "focus_area": focus, "convened_on": convened, "lead_officer": officer,
            "reports_to": board, "covers_accommodation_sites": covers})
        for email, role in members:
            user = User.objects.filter(email=email).first()
            if user and not Membership.objects.filter(user=user, body=body, ended_on__isnull=True).exists():
                Membership.objects.create(user=user, body=body, role=role, organisation=user.organisation,
                                          started_on=convened)
        groups[short_name] = group
    return groups

# A task group's standing agenda (demo wording).
TASK_GROUP_AGENDA = ("Welcome, introductions and apologies", "Actions from the last meeting",
                     "Issues raised at sites", "Workplan progress", "Any other business")


def _meetings_and_papers(group, today, officer):
    body = group.body
    if body.meetings.exists():
        return 0
    for months in MEETING_MONTHS:
        day = today + dt.timedelta(days=round(months * 30.4))
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(14, 0)))
        meeting = Meeting.objects.create(body=body, starts_at=starts, ends_at=starts + dt.timedelta(hours=90 / 60),
                                         status=MeetingStatus.HELD if months < 0 else MeetingStatus.SCHEDULED,
                                         online_link=f"https://meet.example.org/{body.pk}-{day:%Y%m%d}")
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, position=position, title=title)
                                        for position, title in enumerate(TASK_GROUP_AGENDA, start=1)])
        if months < 0:
            title = f"{body.short_name} action notes, {day:%-d %B %Y} (demo)"
            paper = paper_upload(title=title, uploaded_file=SimpleUploadedFile("notes.pdf", minimal_pdf(title)),
                                 visibility=PaperVisibility.MEMBERS, by=officer, meeting=meeting)
            Paper.objects.filter(pk=paper.pk).update(published_at=starts + dt.timedelta(days=3))
    return len(MEETING_MONTHS)

def _london_enriched(officer, board, log):
    workplan = Workplan.objects.filter(title=LONDON_ENRICHED, owner_body=board).first()
    if workplan is not None:
        return workplan
    with SEED_004.open("rb") as handle:
        upload = SimpleUploadedFile(SEED_004.name, handle.read())
    record = workplan_import_read(uploaded_file=upload, owner_body=board, title=LONDON_ENRICHED, first_year=2011,
                                  last_year=2011, default_owner=officer, by=officer)
    workplan = workplan_import_commit(workplan_import=record, by=officer)
    Workplan.objects.filter(pk=workplan.pk).update(
        source_note="London Enriched Year 2 Implementation Plan, GLA, March 2011 (seed 004), imported from "
                    "its spreadsheet; which actions are done is demo")
    # Demo progress: the first action of each priority done on its due date, the second in progress.
    from ..selectors.workplans import workplan_actions

    seen = {}
    for link in workplan_actions(workplan):
        place = seen[link.priority_id] = seen.get(link.priority_id, 0) + 1
        action = link.action
        if place == 1:
            action.status, action.completed_on = ActionStatus.DONE, action.due_on
        elif place == 2 and link.priority.theme.number % 2 == 0:
            action.status = ActionStatus.IN_PROGRESS
        else:
            continue
        action.save(update_fields=["status", "completed_on"])
    log(f"  {LONDON_ENRICHED}: imported from {SEED_004.name}")
    return workplan

def _sites(groups, officer, today):
    for name, borough, kind, capacity, months_ago, followers in SITES:
        site, _ = Site.objects.get_or_create(name=name, borough=Organisation.objects.get(name=borough), defaults={
            "kind": kind, "capacity_band": capacity, "is_demo": True,
            "provider": Organisation.objects.get(name="Clearsprings Ready Homes"),
            "opened_on": today - dt.timedelta(days=round(months_ago * 30.4))})
        site.task_groups.set([groups[short] for short in followers])
    for site_name, summary, description, category, raised_by, severity, people, days_ago, steps in ISSUES:
        site = Site.objects.get(name=site_name)
        if SiteIssue.objects.filter(site=site, summary=summary).exists():
            continue
        issue = site_issue_record(site=site, by=officer, summary=summary, description=description,
                                  category=category, raised_on=today - dt.timedelta(days=days_ago),
                                  raised_by=Organisation.objects.get(name=raised_by), severity=severity,
                                  people_affected=people)
        for status, note in steps:
            site_issue_update(issue=issue, by=officer, note=note, to_status=status)

def _protocol(groups, officer, today):
    body = groups["Move-on TG"].body
    title = "Move-on protocol for newly recognised refugees"
    if Protocol.objects.filter(owner_body=body, title=title).exists():
        return
    paper_title = f"{title}, version 1.0 (demo)"
    document = paper_upload(title=paper_title, uploaded_file=SimpleUploadedFile("protocol.pdf",
                                                                                minimal_pdf(paper_title)),
                            visibility=PaperVisibility.MEMBERS, by=officer, body=body)
    Paper.objects.filter(pk=document.pk).update(published_at=timezone.now() - dt.timedelta(days=300))
    Protocol.objects.create(title=title, owner_body=body, version="1.0", agreed_on=today - dt.timedelta(days=340),
                            document=document, review_on=today + dt.timedelta(days=20), lead_officer=officer)

@transaction.atomic
def seed(*, log, password: str) -> None:
    officer = User.objects.filter(email="officer@example.org").first()
    board = Body.objects.filter(short_name="LSMP").first()
    if officer is None or board is None:
        log("  taskgroups: no GLA demo officer or LSMP board; skipped")
        return
    today = timezone.localdate()
    _people(password)
    groups = _task_groups(today, officer, board)
    meetings = sum(_meetings_and_papers(group, today, officer) for group in groups.values())
    _london_enriched(officer, board, log)
    _sites(groups, officer, today)
    _protocol(groups, officer, today)
    log(f"  {len(groups)} task groups ({meetings} new meetings), {Site.objects.filter(is_demo=True).count()} demo "
        f"sites, {SiteIssue.objects.count()} site issues, {Protocol.objects.count()} protocols")
