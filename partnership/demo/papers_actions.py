"""Demo papers and actions (called at the end of partnership.demo.seed). Idempotent: papers are
found by body and title, actions by body and description, so a second run adds nothing.

The bodies and their meetings come from the bodies-and-meetings demo; where a body is missing
it is created here with minimal details, and papers and actions attach to its meetings when
there are any."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnership.common.sample_documents import minimal_docx, minimal_pdf
from partnership.models import (
    Action,
    Body,
    BodyKind,
    Meeting,
    Membership,
    Organisation,
    OrganisationKind,
    Paper,
    PaperVisibility,
    User,
)
from partnership.services.actions import action_add_update, action_create, action_mark_done
from partnership.services.papers import paper_upload

BODIES = [
    ("LSMP", "London Strategic Migration Partnership board", BodyKind.BOARD,
     "Brings together the Mayor, London Councils, the Home Office, health and civil society to plan "
     "for the needs of migrants and refugees in London."),
    ("MRAP", "Migrant and Refugee Advisory Panel", BodyKind.PANEL,
     "Advises the Mayor and the LSMP from the experience of migrants and refugees in London."),
    ("HMAP", "Homeless Migrants Advisory Panel", BodyKind.PANEL,
     "Advises on homelessness and rough sleeping among migrants in London."),
    ("LAG", "London Asylum Group", BodyKind.GROUP,
     "Coordinates the response to asylum accommodation and support in London."),
    ("BRON", "Borough resettlement officers' network", BodyKind.NETWORK,
     "Brings together the resettlement officers of London's boroughs every quarter."),
]

# body, title, visibility, format, published
PAPERS = [
    ("LSMP", "LSMP 2020/21: budget and work programme (MD2628)", PaperVisibility.PUBLIC, "pdf", True),
    ("LSMP", "Asylum dispersal in London: briefing for members", PaperVisibility.MEMBERS, "pdf", True),
    ("LSMP", "Home Office grant: quarterly return to the funder", PaperVisibility.RESTRICTED, "docx", True),
    ("MRAP", "MRAP lead representatives' report to the board", PaperVisibility.MEMBERS, "docx", True),
    ("MRAP", "London Enriched: Year 2 implementation plan summary", PaperVisibility.PUBLIC, "pdf", True),
    ("MRAP", "Draft terms of reference, for comment", PaperVisibility.MEMBERS, "docx", False),
    ("HMAP", "Move-on period: rough sleeping among newly recognised refugees", PaperVisibility.MEMBERS,
     "pdf", True),
    ("HMAP", "Contingency hotels: welfare concerns log", PaperVisibility.RESTRICTED, "pdf", True),
    ("LAG", "Initial Accommodation: access to healthcare", PaperVisibility.MEMBERS, "pdf", True),
    ("BRON", "UK Resettlement Scheme: borough pledges 2026/27", PaperVisibility.MEMBERS, "pdf", True),
    ("BRON", "Community sponsorship in London: a guide for boroughs", PaperVisibility.PUBLIC, "pdf", True),
]

# body, title of the paper the body form points to as its terms of reference (public, published,
# not tied to a meeting). MRAP's draft for comment above is the next version, not these.
TERMS_OF_REFERENCE = [
    ("LSMP", "LSMP board: terms of reference"),
    ("MRAP", "MRAP terms of reference"),
]

# body, description, owner (email or organisation name), contact, due in days, status, update
ACTIONS = [
    ("LSMP", "Circulate the 2020/21 budget outturn to board members", "officer@example.org", "", -21,
     "open", "Figures awaited from the GLA finance team."),
    ("LSMP", "Write to the Home Office about asylum dispersal numbers in outer London", "Home Office",
     "Asylum dispersal team lead", 14, "in_progress", "A meeting is booked with the regional team."),
    ("LSMP", "Share the London Councils paper on move-on with the board", "London Councils",
     "Head of Asylum, Refugee and Migrant Policy", -7, "open", ""),
    ("MRAP", "Gather lead representatives' views on the ESOL Plus Childcare round", "member@example.org", "",
     -3, "open", "Two of the four lead representatives have replied."),
    ("MRAP", "Propose two agenda items for the next LSMP board", "member@example.org", "", 30, "open", ""),
    ("MRAP", "Send the panel's comments on the draft terms of reference", "member@example.org", "", -40,
     "done", "Comments sent to the secretariat."),
    ("HMAP", "Map night shelters that accept people with no recourse to public funds", "officer@example.org",
     "", 10, "open", ""),
    ("LAG", "Collect healthcare registration figures from Initial Accommodation sites", "officer@example.org",
     "", -10, "in_progress", "Three of five sites have reported."),
    ("BRON", "Return the 2026/27 resettlement pledge for Camden", "camden@example.org", "", -5, "open", ""),
    ("BRON", "Return the 2026/27 resettlement pledge for Hackney", "hackney@example.org", "", 12, "open", ""),
    ("BRON", "Confirm Camden's school places for resettled families", "Camden", "", 2, "open",
     "The admissions team is checking the September figures."),
    ("BRON", "Share the property sourcing checklist with all boroughs", "camden@example.org", "", -30,
     "done", "Shared through the network's mailing list."),
]

ORGANISATIONS = [("Home Office", OrganisationKind.GOVERNMENT), ("London Councils", OrganisationKind.CIVIL_SOCIETY)]

# Organisation-owned actions whose contact has a portal account (they update it and get its
# reminders): description -> the contact's email. The borough comes from the accounts demo.
CONTACT_ACCOUNTS = {"Confirm Camden's school places for resettled families": "camden@example.org"}


def _bodies() -> dict[str, Body]:
    bodies = {}
    for short_name, name, kind, purpose in BODIES:
        bodies[short_name], _ = Body.objects.get_or_create(
            short_name=short_name, defaults={"name": name, "kind": kind, "purpose": purpose})
    return bodies


def _meeting_for(body: Body) -> Meeting | None:
    """The body's latest meeting that has started, else its next one, else none."""
    now = timezone.now()
    return (Meeting.objects.filter(body=body, starts_at__lte=now).order_by("-starts_at").first()
            or Meeting.objects.filter(body=body).order_by("starts_at").first())


def _ensure_member(user: User, body: Body) -> None:
    # The bodies demo normally adds these; only add what is missing.
    if not Membership.objects.filter(user=user, body=body, ended_on__isnull=True).exists():
        Membership.objects.create(user=user, body=body, started_on=timezone.localdate() - dt.timedelta(days=365))


def _papers(bodies, officer, log) -> None:
    made = 0
    for short_name, title, visibility, kind, published in PAPERS:
        body = bodies[short_name]
        if Paper.objects.filter(body=body, title=title).exists():
            continue
        content = minimal_pdf(title) if kind == "pdf" else minimal_docx(title)
        file = SimpleUploadedFile(f"{title[:80].replace('/', '-').replace(':', '')}.{kind}", content)
        paper = paper_upload(title=title, uploaded_file=file, visibility=visibility, by=officer,
                             body=None if _meeting_for(body) else body, meeting=_meeting_for(body))
        if published:
            # Set directly, not through papers_publish: demo data should not queue notices to people.
            Paper.objects.filter(pk=paper.pk).update(published_at=timezone.now() - dt.timedelta(days=7))
        made += 1
    log(f"  {made} demo papers ({Paper.objects.count()} in all)")


def _terms_of_reference(bodies, officer, log) -> None:
    made = 0
    for short_name, title in TERMS_OF_REFERENCE:
        body = bodies[short_name]
        paper = Paper.objects.filter(body=body, title=title).first()
        if paper is None:
            file = SimpleUploadedFile(f"{title.replace(':', '')}.pdf", minimal_pdf(title))
            paper = paper_upload(title=title, uploaded_file=file, visibility=PaperVisibility.PUBLIC, by=officer,
                                 body=body, meeting=None)
            Paper.objects.filter(pk=paper.pk).update(published_at=timezone.now() - dt.timedelta(days=30))
            made += 1
        if body.terms_of_reference_id is None:
            Body.objects.filter(pk=body.pk).update(terms_of_reference=paper)
    log(f"  {made} demo terms of reference papers")


def _actions(bodies, officer, log) -> None:
    organisations = {name: Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
                     for name, kind in ORGANISATIONS}
    today = timezone.localdate()
    made = 0
    for short_name, description, owner, contact, due_in, status, update in ACTIONS:
        body = bodies[short_name]
        if Action.objects.filter(body=body, description=description).exists():
            continue
        owner_user = User.objects.filter(email=owner).first() if "@" in owner else None
        owner_organisation = None
        if owner_user is None:
            owner_organisation = organisations.get(owner) or Organisation.objects.filter(name=owner).first()
        if owner_user is None and owner_organisation is None:
            continue
        contact_user = User.objects.filter(email=CONTACT_ACCOUNTS.get(description, ""),
                                           organisation=owner_organisation).first()
        meeting = _meeting_for(body)
        action = action_create(description=description, due_on=today + dt.timedelta(days=due_in), by=officer,
                               body=None if meeting else body, meeting=meeting, owner_user=owner_user,
                               owner_organisation=owner_organisation, owner_contact=contact,
                               owner_contact_user=contact_user,
                               status="in_progress" if status == "in_progress" else "open")
        author = owner_user or contact_user or officer
        if update:
            action_add_update(action=action, by=author, note=update)
        if status == "done":
            action_mark_done(action=action, by=author, on=today + dt.timedelta(days=due_in - 2))
        made += 1
    overdue = Action.objects.overdue().count()
    log(f"  {made} demo actions ({Action.objects.count()} in all, {overdue} overdue)")


def seed(*, log, password: str) -> None:
    officer = User.objects.get(email="officer@example.org")
    bodies = _bodies()
    _ensure_member(User.objects.get(email="member@example.org"), bodies["MRAP"])
    for email in ("camden@example.org", "hackney@example.org"):
        _ensure_member(User.objects.get(email=email), bodies["BRON"])
    _papers(bodies, officer, log)
    _terms_of_reference(bodies, officer, log)
    _actions(bodies, officer, log)


