"""Removing an agenda item: the agenda closes up without breaking (meeting, position), papers and
actions stay with the meeting, and an item the meeting recorded against stays."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnership.models import Action, AgendaItem, Declaration, MeetingDecision, Notification, Paper
from partnership.services import agenda as agenda_services
from partnership.services import meeting_notices
from tests.factories.meetings import AgendaItemFactory, members_meeting
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory, MembershipFactory, UserFactory, gla_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return gla_officer(full_name="Gail Officer")


def _agenda(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("position", "title"))


def _meeting_with_three_items():
    """Items written last-position-first, so the rows sit in the table in the opposite order to
    their positions: a single "position - 1" UPDATE then meets item 3 before item 2 and breaks
    the unique (meeting, position) constraint part-way."""
    meeting = MeetingFactory()
    items = {position: AgendaItemFactory(meeting=meeting, position=position, title=title)
             for position, title in [(3, "Any other business"), (2, "Hotels"), (1, "Welcome")]}
    return meeting, items


def test_removing_the_first_of_three_items_renumbers_the_rest_without_gaps(officer):
    meeting, items = _meeting_with_three_items()
    agenda_services.agenda_item_remove(item=items[1], by=officer)
    assert _agenda(meeting) == [(1, "Hotels"), (2, "Any other business")]
    assert not AgendaItem.objects.filter(pk=items[1].pk).exists()


@pytest.mark.parametrize(("removed", "left"), [
    (2, [(1, "Welcome"), (2, "Any other business")]),
    (3, [(1, "Welcome"), (2, "Hotels")]),
])
def test_removing_a_middle_or_last_item(removed, left, officer):
    meeting, items = _meeting_with_three_items()
    agenda_services.agenda_item_remove(item=items[removed], by=officer)
    assert _agenda(meeting) == left


def test_other_meetings_keep_their_agenda(officer):
    meeting, items = _meeting_with_three_items()
    other = members_meeting(meeting.body)
    AgendaItemFactory(meeting=other, position=2, title="Hotels")
    agenda_services.agenda_item_remove(item=items[1], by=officer)
    assert _agenda(other) == [(1, "Welcome and apologies"), (2, "Hotels")]


def test_papers_and_actions_of_the_item_stay_with_the_meeting(officer):
    meeting, items = _meeting_with_three_items()
    paper = PaperFactory(body=meeting.body, meeting=meeting, agenda_item=items[2], title="Hotel figures")
    action = ActionFactory(body=meeting.body, meeting=meeting, agenda_item=items[2])
    agenda_services.agenda_item_remove(item=items[2], by=officer)
    paper = Paper.objects.get(pk=paper.pk)  # never deleted with its item
    assert (paper.meeting_id, paper.agenda_item_id) == (meeting.pk, None)
    assert paper.file.storage.exists(paper.file.name)
    action = Action.objects.get(pk=action.pk)
    assert (action.meeting_id, action.agenda_item_id) == (meeting.pk, None)


def test_the_actions_history_shows_the_unlink_and_who_did_it(officer, world, client_for):
    meeting, items = _meeting_with_three_items()
    action = ActionFactory(body=meeting.body, meeting=meeting, agenda_item=items[2])
    untouched = ActionFactory(body=meeting.body, meeting=meeting, agenda_item=items[3])
    agenda_services.agenda_item_remove(item=items[2], by=officer)
    latest = Action.objects.get(pk=action.pk).history.order_by("-history_date", "-history_id").first()
    assert (latest.history_type, latest.history_user, latest.agenda_item_id) == ("~", officer, None)
    assert action.history.count() == 2 and untouched.history.count() == 1
    page = client_for(world.users["gla_officer"]).get(reverse("partnership:action_history", args=[action.pk])).text
    changed = page.split("Changed")[1]  # newest first: the unlink
    assert "by Gail Officer" in changed.split("</h2>")[0]
    # The item itself is gone, so the page can only name it by its number.
    assert (f'Agenda item</th><td class="govuk-table__cell">(removed, #{items[2].pk})</td>'
            '<td class="govuk-table__cell">–</td>') in changed


@pytest.mark.parametrize("record", ["declaration", "decision"])
def test_an_item_with_declarations_or_decisions_stays(record, officer):
    meeting, items = _meeting_with_three_items()
    if record == "declaration":
        Declaration.objects.create(agenda_item=items[2], person=UserFactory(), interest="Trustee of a charity")
    else:
        MeetingDecision.objects.create(meeting=meeting, agenda_item=items[2], text="Agreed the hotel plan.")
    with pytest.raises(ValidationError, match="Agenda item 2 has declarations of interest or decisions"):
        agenda_services.agenda_item_remove(item=items[2], by=officer)
    assert _agenda(meeting) == [(1, "Welcome"), (2, "Hotels"), (3, "Any other business")]
    assert Declaration.objects.count() + MeetingDecision.objects.count() == 1


def test_removing_an_item_already_gone_does_nothing(officer):
    meeting, items = _meeting_with_three_items()
    agenda_services.agenda_item_remove(item=items[1], by=officer)
    agenda_services.agenda_item_remove(item=items[1], by=officer)  # a second click on a stale page
    assert _agenda(meeting) == [(1, "Hotels"), (2, "Any other business")]


def test_a_reminder_written_after_the_removal_lists_the_agenda_as_it_now_is(officer):
    meeting, items = _meeting_with_three_items()
    MembershipFactory(user=UserFactory(), body=meeting.body)
    agenda_services.agenda_item_remove(item=items[2], by=officer)
    now = meeting.starts_at - dt.timedelta(days=7)
    assert meeting_notices.meeting_reminders_write(meeting=meeting, days_before=7, now=now) == 1
    body_text = Notification.objects.get().body_text
    assert "1. Welcome" in body_text and "2. Any other business" in body_text
    assert "Hotels" not in body_text


def test_officer_confirms_then_removes_and_sees_a_banner(world, client_for):
    meeting, items = _meeting_with_three_items()
    paper = PaperFactory(body=meeting.body, meeting=meeting, agenda_item=items[1])
    client = client_for(world.users["gla_officer"])
    url = reverse("partnership:agenda_item_remove", args=[items[1].pk])

    page = client.get(reverse("partnership:meeting_detail", args=[meeting.pk])).content.decode()
    assert url in page
    page = client.get(url).content.decode()
    assert "Are you sure you want to remove agenda item 1: Welcome?" in page
    assert "govuk-button--warning" in page
    assert "stay with the meeting" in page  # it has a paper
    assert f'href="{reverse("partnership:meeting_detail", args=[meeting.pk])}#agenda">Cancel' in page
    assert _agenda(meeting)[0] == (1, "Welcome")  # the GET changed nothing

    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/meetings/{meeting.pk}/#agenda")
    page = response.content.decode()
    assert "govuk-notification-banner--success" in page
    assert "Agenda item 1 removed: Welcome." in page
    assert _agenda(meeting) == [(1, "Hotels"), (2, "Any other business")]
    assert paper.title in page  # now listed with the meeting's other papers


def test_refused_removal_explains_itself(world, client_for):
    meeting, items = _meeting_with_three_items()
    MeetingDecision.objects.create(meeting=meeting, agenda_item=items[1], text="Agreed.")
    client = client_for(world.users["gla_officer"])
    url = reverse("partnership:agenda_item_remove", args=[items[1].pk])
    page = client.get(url).content.decode()
    assert "Agenda item 1 cannot be removed" in page
    assert "govuk-button--warning" not in page
    page = client.post(url, follow=True).content.decode()
    assert "it was discussed, so it stays on the agenda" in page
    assert len(_agenda(meeting)) == 3


def test_a_bad_item_id_is_not_found(world, client_for):
    client = client_for(world.users["gla_officer"])
    assert client.get("/agenda-items/99999999999999999999/remove/").status_code == 404
    assert client.post(reverse("partnership:agenda_item_remove", args=[987654])).status_code == 404

