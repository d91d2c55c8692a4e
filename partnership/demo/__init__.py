"""Demo data for the partnership: London's 33 local authorities and the demo accounts."""

from django.contrib.auth.models import Group

from partnership.enquiries import demo as demo_enquiries
from partnership.models import Organisation, OrganisationKind, Role, User

from . import meetings as demo_meetings
from . import papers_actions as demo_papers_actions
from . import two_factor as demo_two_factor

# The 33 London local authorities with their ONS GSS codes.
LONDON_BOROUGHS = [
    ("E09000001", "City of London"), ("E09000002", "Barking and Dagenham"), ("E09000003", "Barnet"),
    ("E09000004", "Bexley"), ("E09000005", "Brent"), ("E09000006", "Bromley"),
    ("E09000007", "Camden"), ("E09000008", "Croydon"), ("E09000009", "Ealing"),
    ("E09000010", "Enfield"), ("E09000011", "Greenwich"), ("E09000012", "Hackney"),
    ("E09000013", "Hammersmith and Fulham"), ("E09000014", "Haringey"), ("E09000015", "Harrow"),
    ("E09000016", "Havering"), ("E09000017", "Hillingdon"), ("E09000018", "Hounslow"),
    ("E09000019", "Islington"), ("E09000020", "Kensington and Chelsea"),
    ("E09000021", "Kingston upon Thames"), ("E09000022", "Lambeth"), ("E09000023", "Lewisham"),
    ("E09000024", "Merton"), ("E09000025", "Newham"), ("E09000026", "Redbridge"),
    ("E09000027", "Richmond upon Thames"), ("E09000028", "Southwark"), ("E09000029", "Sutton"),
    ("E09000030", "Tower Hamlets"), ("E09000031", "Waltham Forest"), ("E09000032", "Wandsworth"),
    ("E09000033", "Westminster"),
]

GLA = "Greater London Authority"

# email, name, job title, organisation, roles, superuser
DEMO_ACCOUNTS = [
    ("officer@example.org", "Priya Shah", "Senior Policy Officer, Migration Team", GLA,
     [Role.GLA_OFFICER], False),
    ("camden@example.org", "Tom Okafor", "Refugee Resettlement Officer", "Camden",
     [Role.BOROUGH_OFFICER], False),
    ("hackney@example.org", "Sara Begum", "Refugee Resettlement Lead", "Hackney",
     [Role.BOROUGH_OFFICER], False),
    ("member@example.org", "Daniel Mensah", "Director, refugee community organisation", None, [], False),
    ("admin@example.org", "Portal Administrator", "Superuser (repairs only)", GLA, [], True),
]


def borough(name: str) -> Organisation:
    return Organisation.objects.get(kind=OrganisationKind.BOROUGH, name=name)


def seed(*, log, password: str) -> None:
    for gss_code, name in LONDON_BOROUGHS:
        Organisation.objects.update_or_create(
            gss_code=gss_code, defaults={"name": name, "kind": OrganisationKind.BOROUGH})
    Organisation.objects.get_or_create(name=GLA, defaults={"kind": OrganisationKind.GLA})
    log(f"  {len(LONDON_BOROUGHS)} London local authorities")

    for email, full_name, job_title, org_name, roles, is_superuser in DEMO_ACCOUNTS:
        organisation = Organisation.objects.get(name=org_name) if org_name else None
        user, _ = User.objects.update_or_create(email=email, defaults={
            "full_name": full_name, "job_title": job_title, "organisation": organisation,
            "is_staff": is_superuser, "is_superuser": is_superuser, "is_active": True})
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.set([Group.objects.get_or_create(name=role)[0] for role in roles])
    log(f"  {len(DEMO_ACCOUNTS)} demo accounts (password from DEMO_PASSWORD)")
    demo_two_factor.seed(log=log)

    # Bodies, members and meetings first; papers and actions attach to them; then enquiries.
    demo_meetings.seed(log=log, password=password)
    demo_papers_actions.seed(log=log, password=password)
    demo_enquiries.seed(log=log)
