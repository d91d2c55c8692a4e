"""Demo bodies, members and a year of meetings, drawn from the seed documents (MD2628 and the
GLA's pages): the LSMP board and its panels, the London Asylum Group and the borough
resettlement officers' network. Idempotent: bodies, people and memberships are updated in
place, and a body's meetings are created only when it has none yet."""

import datetime as dt

from django.utils import timezone

from partnership.models import (
    AgendaItem,
    Attendance,
    AttendanceReply,
    AttendanceReplyChoice,
    AttendanceStatus,
    Body,
    BodyKind,
    Declaration,
    Interest,
    InterestKind,
    Meeting,
    MeetingDecision,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minutes,
    MinutesStatus,
    Organisation,
    OrganisationKind,
    User,
)
from partnership.models.bodies import Cadence

GLA = "Greater London Authority"
DEPUTY_MAYOR = "Deputy Mayor for Social Integration, Social Mobility and Community Engagement"
CITY_HALL = "City Hall, Kamal Chunchie Way, London E16 1ZE"

ORGANISATIONS = [
    ("Home Office", OrganisationKind.GOVERNMENT, "Funds the LSMP; UK Visas and Immigration; asylum support contracts."),
    ("London Councils", OrganisationKind.GOVERNMENT, "The collective voice of London's 33 local authorities."),
    ("Association of London Directors of Children's Services (ALDCS)", OrganisationKind.GOVERNMENT,
     "Directors of children's services of the London boroughs."),
    ("London Housing Directors' Group", OrganisationKind.GOVERNMENT, "Housing directors of the London boroughs."),
    ("North London Refugee Network", OrganisationKind.CIVIL_SOCIETY, "MRAP member organisation (demo)."),
    ("South London Migrant Forum", OrganisationKind.CIVIL_SOCIETY, "MRAP member organisation (demo)."),
    ("East London Refugee Women's Project", OrganisationKind.CIVIL_SOCIETY, "MRAP member organisation (demo)."),
    ("West London Migrant Advice Centre", OrganisationKind.CIVIL_SOCIETY, "MRAP member organisation (demo)."),
    ("Homeless Migrants Outreach London", OrganisationKind.CIVIL_SOCIETY, "HMAP member organisation (demo)."),
    ("London Employers for Refugees", OrganisationKind.BUSINESS, "Business representative on the LSMP (demo)."),
    ("London Chamber of Small Business", OrganisationKind.BUSINESS, "Business representative on the LSMP (demo)."),
]

# email, name, job title, organisation
PEOPLE = [
    ("deputy-mayor@example.org", "Deputy Mayor (demo)", DEPUTY_MAYOR, GLA),
    ("home-office@example.org", "Alex Turner", "Head of Regional Engagement, London", "Home Office"),
    ("london-councils@example.org", "Helen Ward", "Strategic Lead, Asylum and Migration", "London Councils"),
    ("aldcs@example.org", "Michael Adeyemi", "Director of Children's Services",
     "Association of London Directors of Children's Services (ALDCS)"),
    ("housing-directors@example.org", "Rachel Green", "Director of Housing", "London Housing Directors' Group"),
    ("north-network@example.org", "Amina Yusuf", "Chief Executive", "North London Refugee Network"),
    ("south-forum@example.org", "Carlos Mendes", "Coordinator", "South London Migrant Forum"),
    ("east-women@example.org", "Farida Rahimi", "Director", "East London Refugee Women's Project"),
    ("west-advice@example.org", "Jonas Petrauskas", "Advice Manager", "West London Migrant Advice Centre"),
    ("hmap-outreach@example.org", "Grace O'Neill", "Outreach Lead", "Homeless Migrants Outreach London"),
    ("employers@example.org", "Sam Patel", "Partnerships Director", "London Employers for Refugees"),
    ("small-business@example.org", "Lucy Chen", "Policy Manager", "London Chamber of Small Business"),
]

# short name, name, kind, cadence, membership public, minutes public, purpose
BODIES = [
    ("LSMP", "London Strategic Migration Partnership board", BodyKind.BOARD, Cadence.QUARTERLY, True, True,
     "Provides strategic leadership, advice, coordination and development for migration and integration in "
     "London, oversees refugee resettlement, and gives strategic oversight of the Home Office's asylum "
     "accommodation and support contracts in London."),
    ("MRAP", "Migrant and Refugee Advisory Panel", BodyKind.PANEL, Cadence.BIMONTHLY, True, False,
     "Advises the Mayor and the LSMP on the issues and challenges facing migrant and refugee communities in "
     "London, and represents the diversity of London's migrant and refugee communities."),
    ("HMAP", "Homeless Migrants Advisory Panel", BodyKind.PANEL, Cadence.QUARTERLY, False, False,
     "A consultative forum of migrant, refugee and homelessness organisations on rough sleeping and "
     "homelessness among migrants in London."),
    ("LAG", "London Asylum Group", BodyKind.GROUP, Cadence.BIMONTHLY, False, False,
     "Convened by the GLA to help secure improvements to asylum support in London, including Initial "
     "Accommodation, contingency hotels and support for unaccompanied asylum-seeking children."),
    ("BRON", "Borough resettlement officers' network", BodyKind.NETWORK, Cadence.QUARTERLY, False, False,
     "The network of borough officers leading on refugee resettlement, meeting quarterly to share practice "
     "and meet the challenges of resettlement in London."),
]

# short name -> [(email, role, organisation name or None for the person's own)]
MEMBERS = {
    "LSMP": [
        ("deputy-mayor@example.org", MembershipRole.CHAIR, None),
        ("home-office@example.org", MembershipRole.MEMBER, None),
        ("london-councils@example.org", MembershipRole.MEMBER, None),
        ("aldcs@example.org", MembershipRole.MEMBER, None),
        ("housing-directors@example.org", MembershipRole.MEMBER, None),
        ("north-network@example.org", MembershipRole.LEAD_REPRESENTATIVE, None),
        ("south-forum@example.org", MembershipRole.LEAD_REPRESENTATIVE, None),
        ("east-women@example.org", MembershipRole.LEAD_REPRESENTATIVE, None),
        ("west-advice@example.org", MembershipRole.LEAD_REPRESENTATIVE, None),
        ("employers@example.org", MembershipRole.MEMBER, None),
        ("small-business@example.org", MembershipRole.MEMBER, None),
        ("officer@example.org", MembershipRole.SECRETARIAT, None),
    ],
    "MRAP": [
        ("north-network@example.org", MembershipRole.MEMBER, None),
        ("south-forum@example.org", MembershipRole.MEMBER, None),
        ("east-women@example.org", MembershipRole.MEMBER, None),
        ("west-advice@example.org", MembershipRole.MEMBER, None),
        ("member@example.org", MembershipRole.MEMBER, "North London Refugee Network"),
        ("officer@example.org", MembershipRole.SECRETARIAT, None),
    ],
    "HMAP": [
        ("hmap-outreach@example.org", MembershipRole.CHAIR, None),
        ("housing-directors@example.org", MembershipRole.MEMBER, None),
        ("south-forum@example.org", MembershipRole.MEMBER, None),
    ],
    "LAG": [
        ("home-office@example.org", MembershipRole.MEMBER, None),
        ("london-councils@example.org", MembershipRole.MEMBER, None),
        ("aldcs@example.org", MembershipRole.MEMBER, None),
        ("officer@example.org", MembershipRole.CHAIR, None),
    ],
    "BRON": [
        ("camden@example.org", MembershipRole.MEMBER, None),
        ("hackney@example.org", MembershipRole.MEMBER, None),
        ("officer@example.org", MembershipRole.CHAIR, None),
    ],
}

OPENING = [("Welcome, introductions and apologies", "Chair"),
           ("Minutes of the last meeting and matters arising", "Secretariat")]
CLOSING = [("Any other business", "Chair")]
AGENDAS = {
    "LSMP": [("Home Office update on asylum accommodation and support contracts", "Home Office"),
             ("Refugee resettlement in London: UK Resettlement Scheme update", "GLA Migration Team"),
             ("ESOL coordination for resettled refugees", "GLA ESOL coordinator"),
             ("Reports from MRAP and the London Asylum Group", "MRAP lead representatives")],
    "MRAP": [("Migrant communities and the Covid-19 response", "GLA Migration Team"),
             ("Access to services: ESOL and advice", "MRAP members"),
             ("Feedback to the LSMP board", "Lead representatives")],
    "HMAP": [("Rough sleeping among migrants: pathways and data", "HMAP chair"),
             ("No recourse to public funds: borough practice", "London Housing Directors' Group")],
    "LAG": [("Contingency hotels and Initial Accommodation in London", "Home Office"),
            ("Healthcare for people in Initial Accommodation", "GLA Migration Team"),
            ("Unaccompanied asylum-seeking children: borough capacity", "ALDCS")],
    "BRON": [("Resettlement offers and arrivals by borough", "GLA resettlement lead"),
             ("Community sponsorship: regional coordination", "GLA resettlement lead"),
             ("ESOL places for resettled refugees", "GLA ESOL coordinator")],
}
# Months from now of each body's meetings over the year (negative: past).
SCHEDULE = {
    "LSMP": [-10, -7, -4, -1, 2],
    "MRAP": [-11, -9, -7, -5, -3, -1, 1, 3],
    "HMAP": [-9, -6, -3, 1],
    "LAG": [-10, -8, -6, -4, -2, 1, 3],
    "BRON": [-9, -6, -3, 2],
}
# Each body's usual weekday (0 Monday) and starting hour, London time.
WHEN = {"LSMP": (1, 10), "MRAP": (2, 14), "HMAP": (3, 10), "LAG": (0, 14), "BRON": (2, 10)}
# The second MRAP meeting was cancelled; HMAP's next is postponed (shown as such).
CANCELLED = {("MRAP", -9)}
POSTPONED = {("HMAP", 1)}


def _on_weekday(day: dt.date, weekday: int = 1) -> dt.date:
    """The first Tuesday (weekday 1) on or after day."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _people():
    organisations = {name: Organisation.objects.update_or_create(name=name, defaults={"kind": kind, "notes": notes})[0]
                     for name, kind, notes in ORGANISATIONS}
    organisations[GLA] = Organisation.objects.get(name=GLA)
    for email, full_name, job_title, org_name in PEOPLE:
        user, created = User.objects.update_or_create(email=email, defaults={
            "full_name": full_name, "job_title": job_title, "organisation": organisations[org_name]})
        if created:
            # Demo members other than the demo accounts never sign in.
            user.set_unusable_password()
            user.save(update_fields=["password"])
    return organisations


def _bodies(organisations):
    bodies = {}
    for short_name, name, kind, cadence, membership_public, minutes_public, purpose in BODIES:
        bodies[short_name], _ = Body.objects.update_or_create(short_name=short_name, defaults={
            "name": name, "kind": kind, "cadence": cadence, "purpose": purpose,
            "membership_is_public": membership_public, "minutes_are_public": minutes_public,
            "chair_name": DEPUTY_MAYOR if short_name == "LSMP" else "",
            "secretariat": organisations[GLA]})
    return bodies


def _memberships(bodies, organisations, started_on):
    count = 0
    for short_name, rows in MEMBERS.items():
        for email, role, org_name in rows:
            user = User.objects.get(email=email)
            organisation = organisations.get(org_name) if org_name else user.organisation
            membership = Membership.objects.filter(body=bodies[short_name], user=user, ended_on__isnull=True).first()
            if membership is None:
                Membership.objects.create(body=bodies[short_name], user=user, role=role,
                                          organisation=organisation, started_on=started_on)
            else:
                Membership.objects.filter(pk=membership.pk).update(role=role, organisation=organisation)
            count += 1
    return count


def _meetings(body, today, now):
    if body.meetings.exists():
        return 0
    members = [m.user for m in Membership.objects.current().filter(body=body).select_related("user").order_by("pk")]
    months = SCHEDULE[body.short_name]
    last_past = max(m for m in months if m < 0)
    for months_from_now in months:
        weekday, hour = WHEN[body.short_name]
        day = _on_weekday(today + dt.timedelta(days=round(months_from_now * 30.4)), weekday)
        past = months_from_now < 0
        status = MeetingStatus.HELD if past else MeetingStatus.SCHEDULED
        if (body.short_name, months_from_now) in CANCELLED:
            status = MeetingStatus.CANCELLED
        if (body.short_name, months_from_now) in POSTPONED:
            status = MeetingStatus.POSTPONED
        meeting = Meeting.objects.create(
            body=body, starts_at=_at(day, hour), ends_at=_at(day, hour + 2), status=status,
            location=CITY_HALL if body.short_name in ("LSMP", "LAG") else "",
            online_link=f"https://meet.example.org/{body.short_name.lower()}-{day:%Y%m%d}")
        items = [AgendaItem(meeting=meeting, position=position, title=title, presenter=presenter)
                 for position, (title, presenter) in enumerate(OPENING + AGENDAS[body.short_name] + CLOSING, 1)]
        AgendaItem.objects.bulk_create(items)
        if status != MeetingStatus.HELD:
            continue
        items = list(meeting.agenda_items.order_by("position"))
        Attendance.objects.bulk_create([
            Attendance(meeting=meeting, person=person,
                       status=AttendanceStatus.APOLOGIES if index % 4 == 3 else AttendanceStatus.PRESENT)
            for index, person in enumerate(members)])
        MeetingDecision.objects.create(meeting=meeting, agenda_item=items[2],
                                text=f"{body.short_name} agreed the recommendations on \"{items[2].title}\".")
        if body.short_name == "LSMP" and members:
            Declaration.objects.create(agenda_item=items[2], person=members[-1],
                                       interest="Their organisation delivers services funded under this item.")
        approved = months_from_now != last_past
        Minutes.objects.create(
            meeting=meeting,
            status=MinutesStatus.APPROVED if approved else MinutesStatus.DRAFT,
            approved_at=min(meeting.ends_at + dt.timedelta(days=28), now) if approved else None,
            # Attendance, declarations, decisions and actions print from the record (not typed here).
            text=(f"The chair welcomed members. The minutes of the previous meeting were agreed.\n\n"
                  f"{items[2].title}: {items[2].presenter} presented; members discussed the implications "
                  f"for London and agreed the recommendations.\n\n"
                  f"Any other business: none."))
    return len(months)


# Invented for the demo: standing interests of two members, and replies to each body's next meeting.
DEMO_INTERESTS = [
    ("member@example.org", InterestKind.ROLE, "North London Refugee Network",
     "Trustee (invented for the demo)"),
    ("north-network@example.org", InterestKind.EMPLOYMENT, "North London Refugee Network",
     "Chief Executive, paid employment (invented for the demo)"),
]


def _interests_and_replies(now):
    written = 0
    for email, kind, org_name, description in DEMO_INTERESTS:
        person = User.objects.filter(email=email).first()
        if person is None:
            continue
        Interest.objects.get_or_create(person=person, kind=kind, description=description,
                                       defaults={"organisation": Organisation.objects.filter(name=org_name).first()})
        written += 1
    # The partnership's own bodies only, members in a fixed order: bodies other apps' demos add
    # later (task groups) would otherwise get replies on a second run and not on the first.
    for body in Body.objects.filter(short_name__in=[row[0] for row in BODIES]).order_by("pk"):
        meeting = body.meetings.filter(status=MeetingStatus.SCHEDULED, starts_at__gt=now).order_by("starts_at").first()
        if meeting is None:
            continue
        members = [m.user for m in Membership.objects.current().filter(body=body).select_related("user").order_by("pk")]
        for index, person in enumerate(members[:4]):
            AttendanceReply.objects.get_or_create(meeting=meeting, person=person, defaults={
                "reply": AttendanceReplyChoice.APOLOGIES if index == 3 else AttendanceReplyChoice.ATTENDING})
    return written


def seed(*, log, password: str) -> None:
    today, now = timezone.localdate(), timezone.now()
    organisations = _people()
    bodies = _bodies(organisations)
    log(f"  {len(bodies)} bodies: {', '.join(bodies)}")
    memberships = _memberships(bodies, organisations, started_on=today - dt.timedelta(days=400))
    log(f"  {memberships} memberships (member@example.org on MRAP; camden@ and hackney@ on BRON)")
    created = sum(_meetings(body, today, now) for body in bodies.values())
    log(f"  {created} meetings with agendas, attendance and minutes" if created else "  meetings already there")
    log(f"  {_interests_and_replies(now)} registered interests and replies to the next meetings (invented)")
