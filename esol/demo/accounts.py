"""The esol demo accounts: a grantee contact for each demo project's lead organisation (the one
README lists first reports for Learning Unlimited's Arts project) and an ESOL provider's account
at Sutton College. Names and emails are invented, like every demo account."""

from django.contrib.auth.models import Group

from partnership.models import Organisation, OrganisationKind, User

from ..models import EsolRole

POPLAR_HARCA = "Poplar HARCA"
SUTTON_COLLEGE = "Sutton College"
LEARNING_UNLIMITED = "Learning Unlimited"
FOTOSYNTHESIS = "Fotosynthesis"

ORGANISATIONS = [
    (POPLAR_HARCA, OrganisationKind.CIVIL_SOCIETY,
     "Poplar Housing and Regeneration Community Association, Tower Hamlets. ESOL Plus Childcare grantee."),
    (SUTTON_COLLEGE, OrganisationKind.EDUCATION, "ESOL Plus Childcare grantee, Sutton."),
    (LEARNING_UNLIMITED, OrganisationKind.EDUCATION, "ESOL organisation; ESOL Plus Arts grantee."),
    (FOTOSYNTHESIS, OrganisationKind.CIVIL_SOCIETY,
     "Participatory photography; Learning Unlimited's partner in ESOL Plus Arts."),
]

# email, name, job title, organisation, role
ACCOUNTS = [
    ("grantee@example.org", "Amira Haddad", "ESOL programme manager", LEARNING_UNLIMITED, EsolRole.GRANTEE_CONTACT),
    ("poplar@example.org", "Kevin Osei", "Community learning lead", POPLAR_HARCA, EsolRole.GRANTEE_CONTACT),
    ("sutton@example.org", "Helen Marsh", "Head of adult learning", SUTTON_COLLEGE, EsolRole.GRANTEE_CONTACT),
    ("provider@example.org", "Jon Pearce", "ESOL curriculum lead", SUTTON_COLLEGE, EsolRole.PROVIDER),
]


def seed(*, password: str) -> dict[str, User]:
    for name, kind, notes in ORGANISATIONS:
        Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "notes": notes})
    people = {}
    for email, full_name, job_title, organisation, role in ACCOUNTS:
        user, _ = User.objects.update_or_create(email=email, defaults={
            "full_name": full_name, "job_title": job_title, "is_active": True,
            "organisation": Organisation.objects.get(name=organisation)})
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.set([Group.objects.get_or_create(name=role)[0]])
        people[email] = user
    people["officer"] = User.objects.filter(email="officer@example.org").first()
    return people
