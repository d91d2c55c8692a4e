"""Approved minutes fix the agenda: they refer to its items by number and print the declarations
and decisions recorded against it, so none of these may change once the minutes are approved.
Draft minutes (or none) leave the agenda open."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnership.models import Declaration, MeetingDecision
from partnership.services import agenda as agenda_services
from partnership.services import declarations as declaration_services
from partnership.services.meeting_decisions import meeting_decision_record
from tests.factories.meetings import AgendaItemFactory, MinutesFactory
from tests.factories.partnership import MeetingFactory, UserFactory, gla_officer

pytestmark = pytest.mark.django_db

FIXED = "The minutes of this meeting are approved, so its agenda is fixed."
# The meeting page's standing note: worded unlike the refusal, so a refused change shows each once.
NOTE = "so the agenda, attendance, declarations of interest and decisions can no longer change."


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, position=1, title="Welcome")
    AgendaItemFactory(meeting=meeting, position=2, title="Hotels")
    return meeting


def _approve(meeting):
    MinutesFactory(meeting=meeting, approved=True, text="Item 2: hotels were discussed.")


def _agenda(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("position", "title", "presenter"))


def _item(meeting, position):
    return meeting.agenda_items.get(position=position)


CHANGES = {
    "add": lambda m: agenda_services.agenda_item_add(meeting=m, title="Late item"),
    "edit": lambda m: agenda_services.agenda_item_edit(item=_item(m, 2), title="Renamed", presenter="Someone"),
    "move": lambda m: agenda_services.agenda_item_move(item=_item(m, 2), direction="up"),
    "remove": lambda m: agenda_services.agenda_item_remove(item=_item(m, 1), by=gla_officer()),
    "declaration": lambda m: declaration_services.declaration_record(agenda_item=_item(m, 2), person=UserFactory(),
                                                         interest="Trustee"),
    "decision": lambda m: meeting_decision_record(meeting=m, agenda_item=_item(m, 2), text="Agreed."),
    "decision without an item": lambda m: meeting_decision_record(meeting=m, text="Agreed."),
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_is_refused_once_the_minutes_are_approved(meeting, change):
    _approve(meeting)
    before = _agenda(meeting)
    with pytest.raises(ValidationError) as refused:
        CHANGES[change](meeting)
    assert refused.value.messages == [FIXED]
    assert _agenda(meeting) == before
    assert not Declaration.objects.exists() and not MeetingDecision.objects.exists()


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("minutes", ["none", "draft"])
def test_each_change_is_allowed_while_the_minutes_are_not_approved(meeting, change, minutes):
    if minutes == "draft":
        MinutesFactory(meeting=meeting, text="Draft.")
    CHANGES[change](meeting)


def test_editing_an_item_through_the_service_saves_it(meeting):
    agenda_services.agenda_item_edit(item=_item(meeting, 2), title="Hotels and B&Bs", presenter="Ann", description="")
    assert _agenda(meeting)[1] == (2, "Hotels and B&Bs", "Ann")


def test_the_removal_page_reason_names_the_approved_minutes(meeting):
    _approve(meeting)
    assert agenda_services.agenda_item_removal_refused(_item(meeting, 1)) == FIXED


def test_other_meetings_stay_open(meeting):
    _approve(meeting)
    other = MeetingFactory(body=meeting.body)
    agenda_services.agenda_item_add(meeting=other, title="Welcome")
    assert other.agenda_items.count() == 1


# --- The pages ----------------------------------------------------------------------------------

def _page(client, meeting):
    return client.get(reverse("partnership:meeting_detail", args=[meeting.pk])).content.decode()


def test_meeting_page_hides_the_agenda_changes_once_the_minutes_are_approved(meeting, client_for):
    client = client_for(gla_officer())
    item = _item(meeting, 2)
    change_urls = [reverse("partnership:agenda_item_create", args=[meeting.pk]),
                   reverse("partnership:agenda_item_edit", args=[item.pk]),
                   reverse("partnership:agenda_item_remove", args=[item.pk]),
                   reverse("partnership:agenda_item_move", args=[item.pk, "up"]),
                   reverse("partnership:declaration_create", args=[meeting.pk]),
                   reverse("partnership:meeting_decision_create", args=[meeting.pk])]
    open_page = _page(client, meeting)
    assert all(url in open_page for url in change_urls) and NOTE not in open_page

    _approve(meeting)
    fixed_page = _page(client, meeting)
    assert fixed_page.count(NOTE) == 1 and FIXED not in fixed_page
    assert not [url for url in change_urls if url in fixed_page]


def test_the_note_says_when_the_minutes_were_approved(meeting, client_for):
    MinutesFactory(meeting=meeting, approved=True, text="Approved.",
                   approved_at=timezone.make_aware(dt.datetime(2026, 3, 4, 11, 0)))
    page = _page(client_for(gla_officer()), meeting)
    assert f"The minutes were approved on 4 March 2026, {NOTE}" in page


@pytest.mark.parametrize(("url_name", "by_item", "data"), [
    ("partnership:agenda_item_create", False, {"title": "Late item"}),
    ("partnership:agenda_item_edit", True, {"title": "Renamed"}),
    ("partnership:agenda_item_move", True, None),
    ("partnership:agenda_item_remove", True, {}),
    ("partnership:declaration_create", False, {"interest": "Trustee"}),
    ("partnership:meeting_decision_create", False, {"text": "Agreed."}),
])
def test_a_post_to_a_fixed_agenda_goes_back_to_the_meeting_saying_why(meeting, client_for, url_name, by_item, data):
    _approve(meeting)
    client = client_for(gla_officer())
    before = _agenda(meeting)
    item = _item(meeting, 2)
    args = [item.pk] if by_item else [meeting.pk]
    if url_name == "partnership:agenda_item_move":
        args.append("up")
    response = client.post(reverse(url_name, args=args), data or {}, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("partnership:meeting_detail", args=[meeting.pk]))
    page = response.content.decode()
    # Said once, in the banner; the standing note below it explains in other words.
    assert page.count(FIXED) == 1 and page.count(NOTE) == 1
    assert _agenda(meeting) == before
    assert not Declaration.objects.exists() and not MeetingDecision.objects.exists()


def test_the_form_pages_of_a_fixed_agenda_are_not_offered(meeting, client_for):
    _approve(meeting)
    client = client_for(gla_officer())
    response = client.get(reverse("partnership:agenda_item_edit", args=[_item(meeting, 2).pk]))
    assert response.status_code == 302
    assert response.url == reverse("partnership:meeting_detail", args=[meeting.pk]) + "#agenda"
