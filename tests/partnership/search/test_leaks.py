"""The leak test (issue 16): for every role of the access matrix, a search for words that appear
only in things that role may not see finds nothing, and no count gives them away. Each secret
word is also found by the roles that may see it, so the test cannot pass by finding nothing.

Runs on SQLite by default and on PostgreSQL in CI's Postgres leg (the same tests, the other
engine)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from partnership.models import PaperVisibility
from partnership.search.selectors import search
from partnership.search.services import search_reindex
from resettlement.models import OfferStatus
from tests.conftest import ROLES
from tests.factories.enquiries import EnquiryFactory
from tests.factories.esol import ProjectFactory, ProvisionFactory, RoundFactory, submitted_return
from tests.factories.funding import DecisionFactory, LineFactory, RiskFactory, SignedDecisionFactory
from tests.factories.meetings import MinutesFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory, UserFactory
from tests.factories.resettlement import OfferFactory
from tests.factories.taskgroups import ProtocolFactory, WorkplanFactory

pytestmark = pytest.mark.django_db

ALL_ROLES = (*ROLES, "grantee_a", "grantee_b", "provider")
OFFICERS = {"gla_officer", "superuser"}
EVERYONE = set(ALL_ROLES)


def _secrets(world) -> dict[str, set[str]]:
    """Make one thing per secret word; answer {word: the roles that may find it}."""
    users = world.users
    outsider = UserFactory()
    PaperFactory(body=world.mrap, title="Restricted zorblax briefing", visibility=PaperVisibility.RESTRICTED)
    PaperFactory(body=world.hmap, title="HMAP members quintaffle paper", visibility=PaperVisibility.MEMBERS)
    PaperFactory(body=world.mrap, title="MRAP members plomwick paper", visibility=PaperVisibility.MEMBERS)
    PaperFactory(body=world.mrap, title="Unpublished grindlewort paper", visibility=PaperVisibility.PUBLIC,
                 published_at=None)
    PaperFactory(body=world.mrap, title="Published public velmorrow paper", visibility=PaperVisibility.PUBLIC)
    SignedDecisionFactory(title="Signed trassock decision", part2_confidential="Part two confidentium words")
    DecisionFactory(title="Draft brumbleton decision")
    with_money = SignedDecisionFactory(title="Signed decision with lines")
    LineFactory(decision=with_money, description="Expenditure on klarnish services")
    RiskFactory(decision=with_money, description="Risk of wobbledy delay")
    OfferFactory(borough=world.hackney, notes="Hackney offer snickerbock notes", status=OfferStatus.SUBMITTED)
    OfferFactory(borough=world.camden, notes="Camden draft offer fennimore notes", status=OfferStatus.DRAFT,
                 created_by=users["borough_a"])
    EnquiryFactory(message="Enquiry about dazzlepine housing")
    world.hmap.minutes_are_public = True  # HMAP's approved minutes are public; its drafts are not
    world.hmap.save(update_fields=["minutes_are_public"])
    mrap_meeting = MeetingFactory(body=world.mrap)
    MinutesFactory(meeting=mrap_meeting, text="Draft minutes of MRAP: orkelby discussed")
    MinutesFactory(meeting=MeetingFactory(body=world.hmap), text="Draft minutes of HMAP: pellucine discussed")
    MinutesFactory(meeting=MeetingFactory(body=world.hmap, location="Committee room"),
                   text="Approved minutes: ravelston agreed", approved=True)
    ActionFactory(body=world.hmap, owner_user=outsider, description="HMAP action on yarrowmere")
    ActionFactory(body=None, owner_user=users["borough_a"], description="Camden's own action on tumblegate")
    RoundFactory(name="Round of quillisant", purpose="Purpose")
    mine = ProjectFactory(title="Project of Poplar", lead_organisation=users["grantee_a"].organisation,
                          contacts=[users["grantee_a"]])
    theirs = ProjectFactory(title="Project of Learning Unlimited",
                            lead_organisation=users["grantee_b"].organisation, contacts=[users["grantee_b"]])
    submitted_return(project=mine, progress="Poplar return mentions sorbellion")
    submitted_return(project=theirs, progress="Unlimited return mentions fabrinzo")
    ProvisionFactory(course_title="ESOL for parents at hobbleford")
    WorkplanFactory(owner_body=world.hmap, title="HMAP workplan of crinkleton")
    ProtocolFactory(owner_body=world.hmap, title="HMAP protocol of mostrander", lead_officer=users["gla_officer"])
    search_reindex()
    return {
        "zorblax": OFFICERS,
        "quintaffle": OFFICERS,
        "plomwick": OFFICERS | {"panel_member"},
        "grindlewort": OFFICERS,
        "velmorrow": EVERYONE,
        "trassock": EVERYONE,
        "confidentium": OFFICERS,
        "brumbleton": OFFICERS,
        "klarnish": OFFICERS,
        "wobbledy": OFFICERS,
        "snickerbock": OFFICERS | {"borough_b"},
        "fennimore": {"borough_a"},  # a borough's draft is its own until submitted
        "dazzlepine": OFFICERS,
        "orkelby": OFFICERS | {"panel_member"},
        "pellucine": OFFICERS,
        "ravelston": EVERYONE,
        "yarrowmere": OFFICERS,
        "tumblegate": OFFICERS | {"borough_a"},
        "quillisant": OFFICERS,
        "sorbellion": OFFICERS | {"grantee_a"},
        "fabrinzo": OFFICERS | {"grantee_b"},
        "hobbleford": EVERYONE,
        "crinkleton": OFFICERS,
        "mostrander": OFFICERS,
    }


@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_role_finds_only_what_it_may_see_and_no_count_gives_the_rest_away(world, role):
    secrets = _secrets(world)
    user = world.users[role] or AnonymousUser()
    leaks, missing = {}, []
    for word, allowed in secrets.items():
        results = search(user, word)
        found = list(results.entries)
        if role in allowed:
            if not found:
                missing.append(word)
        elif found or results.counts or results.total:
            leaks[word] = [(entry.kind, entry.title) for entry in found] or results.counts
    assert not leaks, f"{role} finds what it may not see: {leaks}"
    assert not missing, f"{role} does not find what it may see: {missing}"


@pytest.mark.parametrize("role", ["anonymous", "borough_a", "panel_member", "grantee_b"])
def test_the_search_page_shows_no_result_and_no_count_for_what_a_role_may_not_see(world, client_for, role):
    secrets = _secrets(world)
    client = client_for(world.users[role])
    for word, allowed in secrets.items():
        if role in allowed:
            continue
        page = client.get("/search/", {"q": word}).content.decode()
        assert "There are no results" in page, (role, word)
        assert "Everything (" not in page, (role, word)


def test_the_page_lists_what_a_role_may_see(world, client_for):
    _secrets(world)
    page = client_for(world.users["panel_member"]).get("/search/", {"q": "plomwick"}).content.decode()
    assert "MRAP members plomwick paper" in page
    assert "Papers (1)" in page
