"""The dashboard as a to-do list: what needs this person now, in words with counts, each linked
to the list it counts, before the wider figures; nothing shown for what has nothing to do."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from funding.models import DecisionStatus
from partnership.common.counts import counted
from partnership.models import EnquiryStatus, NotificationStatus
from resettlement.models import OfferStatus
from tests.factories.enquiries import EnquiryFactory
from tests.factories.esol import submitted_return
from tests.factories.funding import DecisionFactory
from tests.factories.partnership import ActionFactory
from tests.factories.reminders import NotificationFactory
from tests.factories.resettlement import OfferFactory

TODAY = timezone.localdate()


def _todo(page: str) -> dict[str, str]:
    """The to-do lines of the page: words -> link."""
    block = page.split('id="todo-heading"', 1)[1].split("</div>", 1)[0]
    links = re.findall(r'<a [^>]*href="([^"]+)">([^<]+)</a>', block)
    return {words: href.replace("&amp;", "&") for href, words in links}


def test_counted():
    assert counted(1, "overdue action") == "1 overdue action"
    assert counted(3, "overdue action") == "3 overdue actions"
    assert counted(0, "enquiry", "enquiries") == "0 enquiries"
    assert counted("over 500", "email") == "over 500 emails"


def test_an_officers_todo_names_each_thing_with_its_count_and_list(world, client_for):
    officer = world.users["gla_officer"]
    for _ in range(3):
        ActionFactory(body=world.mrap, owner_user=officer, due_on=TODAY - dt.timedelta(days=2))
    ActionFactory(body=world.mrap, owner_user=officer, due_on=TODAY + dt.timedelta(days=9))  # not overdue
    EnquiryFactory(response_due=TODAY - dt.timedelta(days=1))
    EnquiryFactory(status=EnquiryStatus.ASSIGNED, assignee=officer)
    OfferFactory.create_batch(2, borough=world.camden, status=OfferStatus.SUBMITTED)
    DecisionFactory(status=DecisionStatus.AWAITING_SIGNATURE)
    submitted_return(due_on=TODAY + dt.timedelta(days=5), submitted_at=timezone.now())
    NotificationFactory(status=NotificationStatus.FAILED)
    page = client_for(officer).get(reverse("dashboard")).content.decode()
    todo = _todo(page)
    actions = reverse("partnership:action_list")
    assert todo["3 overdue actions you own"] == f"{actions}?owner=u{officer.pk}&overdue=yes"
    assert todo["1 enquiry past its reply-by date"].endswith("?status=open&overdue=true")
    assert todo["1 open enquiry assigned to you"].endswith(f"&assignee={officer.pk}")
    assert todo["2 offers waiting for review"] == reverse("resettlement:offer_list") + "?status=submitted"
    assert todo["1 decision waiting for signature"] == reverse("funding:decision_list") + "?status=awaiting_signature"
    assert todo["1 monitoring return to check"] == reverse("esol:return_list") + "?show=to_review"
    assert todo["1 email that failed to send"] == reverse("partnership:notification_log") + "?status=failed"
    # The to-do list comes before the wider figures.
    assert page.index("What needs you now") < page.index("The wider picture") < page.index("All open actions")


def test_each_todo_link_finds_what_it_counted(world, client_for):
    officer = world.users["gla_officer"]
    ActionFactory(body=world.mrap, owner_user=officer, description="Mine and late", due_on=TODAY - dt.timedelta(days=2))
    ActionFactory(body=world.mrap, description="Someone else's, late", due_on=TODAY - dt.timedelta(days=2))
    client = client_for(officer)
    href = _todo(client.get(reverse("dashboard")).content.decode())["1 overdue action you own"]
    listed = client.get(href).content.decode()
    assert "Mine and late" in listed and "Someone else" not in listed


def test_nothing_to_do_says_so(world, client_for):
    page = client_for(world.users["panel_member"]).get(reverse("dashboard")).content.decode()
    assert _todo(page) == {}
    assert "Nothing needs you now." in page


def test_a_members_todo_is_their_own(world, client_for):
    member = world.users["panel_member"]
    ActionFactory(body=world.mrap, owner_user=member, due_on=TODAY - dt.timedelta(days=1))
    ActionFactory(body=world.mrap, due_on=TODAY - dt.timedelta(days=1))  # not theirs
    EnquiryFactory(response_due=TODAY - dt.timedelta(days=1))  # the Migration Team's, not a member's
    page = client_for(member).get(reverse("dashboard")).content.decode()
    assert list(_todo(page)) == ["1 overdue action you own"]


def test_a_borough_officers_todo_is_their_boroughs_drafts(world, client_for):
    OfferFactory(borough=world.camden, status=OfferStatus.DRAFT)
    OfferFactory(borough=world.hackney, status=OfferStatus.DRAFT)
    OfferFactory(borough=world.camden, status=OfferStatus.SUBMITTED)
    page = client_for(world.users["borough_a"]).get(reverse("dashboard")).content.decode()
    assert _todo(page) == {"1 draft offer not yet submitted": reverse("resettlement:offer_list") + "?status=draft"}
