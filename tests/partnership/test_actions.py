"""Actions: recording, bad input, owners, updates, marking done, history, filters, CSV, scope."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnership.models import Action, ActionStatus, ActionUpdate
from partnership.services.actions import action_add_update, action_change, action_create, action_mark_done
from partnership.views.actions import PAGE_SIZE as ACTIONS_PAGE_SIZE
from tests.factories.meetings import AgendaItemFactory
from tests.factories.partnership import (
    ActionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.support.pagination import assert_flat_query_count_across_pages
from tests.support.queries import assert_flat_query_count

CREATE = reverse("partnership:action_create")
TODAY = timezone.localdate()


def action_data(owner, due=None, **overrides):
    due = due or TODAY + dt.timedelta(days=21)
    data = {"description": "Circulate the move-on briefing to all boroughs", "owner_user": owner.pk,
            "due_on_0": due.day, "due_on_1": due.month, "due_on_2": due.year, "status": "open"}
    data.update(overrides)
    return data


def test_an_officer_records_an_action_from_a_meeting(world, client_for):
    meeting = MeetingFactory(body=world.mrap)
    client = client_for(world.users["gla_officer"])
    form_page = client.get(CREATE, {"meeting": meeting.pk}).text
    assert f'value="{meeting.pk}" selected' in form_page and f'value="{world.mrap.pk}" selected' in form_page
    response = client.post(CREATE, action_data(world.users["panel_member"], meeting=meeting.pk))
    action = Action.objects.get()
    assert response["Location"] == reverse("partnership:action_detail", args=[action.pk])
    assert (action.meeting, action.body, action.status, action.completed_on) == (meeting, world.mrap, "open", None)
    assert action.history.get().history_user == world.users["gla_officer"]


def test_an_action_from_an_agenda_item_takes_its_meeting_and_body(world, client_for):
    item = AgendaItemFactory(meeting__body=world.hmap)
    client = client_for(world.users["gla_officer"])
    assert f'value="{item.pk}" selected' in client.get(CREATE, {"agenda_item": item.pk}).text
    client.post(CREATE, action_data(world.users["gla_officer"], agenda_item=item.pk))
    action = Action.objects.get()
    assert (action.agenda_item, action.meeting, action.body) == (item, item.meeting, world.hmap)


def test_an_organisation_owns_an_action_through_a_named_contact(world, client_for):
    council = OrganisationFactory(name="London Councils")
    client = client_for(world.users["gla_officer"])
    response = client.post(CREATE, action_data(world.users["panel_member"], owner_user="", body=world.mrap.pk,
                                                owner_organisation=council.pk))
    assert "Enter the name of the contact at the organisation" in response.text
    client.post(CREATE, action_data(world.users["panel_member"], owner_user="", body=world.mrap.pk,
                                    owner_organisation=council.pk, owner_contact="Amira Khan"))
    assert Action.objects.get().owner_display == "London Councils (Amira Khan)"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"due_on_0": 1, "due_on_1": 1, "due_on_2": 1900}, "The due date must be between 1 January 2000 and"),
    ({"due_on_0": 1, "due_on_1": 1, "due_on_2": 9999}, "The due date must be between 1 January 2000 and"),
    ({"due_on_0": 31, "due_on_1": 2, "due_on_2": 2027}, "The due date must be a real date"),
    ({"due_on_0": "", "due_on_1": "", "due_on_2": ""}, "Enter the day, month and year"),
    ({"due_on_0": "x", "due_on_1": "3", "due_on_2": "2027"}, "Enter a valid date"),
    ({"due_on_0": "1", "due_on_1": "1", "due_on_2": "9" * 5000}, "Enter the date as numbers, for example 31 3 2027"),
    ({"description": "d" * 20_000}, "The description must be 2,000 characters or fewer (it has 20000)"),
    ({"description": ""}, "Enter what must be done"),
    ({"owner_user": ""}, "Choose the person or the organisation who owns the action"),
    ({"owner_organisation": "OWNER_ORG"}, "Choose a person or an organisation, not both"),
    ({"body": ""}, "Choose the body, meeting or agenda item the action is for"),
    ({"status": "finished"}, "Select the status from the list"),
])
def test_bad_input_gets_a_clear_message(world, client_for, overrides, message):
    organisation = OrganisationFactory(name="Refugee Council")
    overrides = {k: (organisation.pk if v == "OWNER_ORG" else v) for k, v in overrides.items()}
    data = action_data(world.users["panel_member"], **{"body": world.mrap.pk, **overrides})
    response = client_for(world.users["gla_officer"]).post(CREATE, data)
    assert response.status_code == 200
    assert "<title>Error: " in response.text and "govuk-error-summary" in response.text
    assert message in response.text
    assert not Action.objects.exists()


def test_editing_the_status_sets_and_clears_the_completed_date(world, client_for):
    action = ActionFactory(body=world.mrap, owner_user=world.users["panel_member"])
    client = client_for(world.users["gla_officer"])
    url = reverse("partnership:action_edit", args=[action.pk])
    client.post(url, action_data(world.users["panel_member"], body=world.mrap.pk, status="done",
                                 due=action.due_on))
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", TODAY)
    client.post(url, action_data(world.users["panel_member"], body=world.mrap.pk, status="in_progress",
                                 due=action.due_on))
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("in_progress", None)


def test_owner_adds_an_update_and_marks_the_action_done(world, client_for):
    member = world.users["panel_member"]
    action = ActionFactory(body=world.mrap, owner_user=member)
    client = client_for(member)
    client.post(reverse("partnership:action_update_create", args=[action.pk]),
                {"note": "Draft shared with the chair.", "status": "in_progress"})
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert ActionUpdate.objects.get(action=action).written_by == member
    # A member cannot finish it through the update form: only "open" and "in progress" are offered.
    response = client.post(reverse("partnership:action_update_create", args=[action.pk]),
                           {"note": "Done?", "status": "done"})
    assert "Select the status from the list" in response.text
    client.post(reverse("partnership:action_mark_done", args=[action.pk]))
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", TODAY)
    assert action.history.first().history_user == member
    detail = client.get(reverse("partnership:action_detail", args=[action.pk])).text
    assert "Draft shared with the chair." in detail and "Mark as done" not in detail


def test_other_members_of_the_body_can_see_but_not_update(world, client_for):
    other = UserFactory()
    MembershipFactory(user=other, body=world.mrap)
    action = ActionFactory(body=world.mrap, owner_user=world.users["panel_member"])
    client = client_for(other)
    assert client.get(reverse("partnership:action_detail", args=[action.pk])).status_code == 200
    assert client.post(reverse("partnership:action_mark_done", args=[action.pk])).status_code == 404
    assert client.post(reverse("partnership:action_update_create", args=[action.pk]),
                       {"note": "sneaky"}).status_code == 404
    action.refresh_from_db()
    assert action.status == "open" and not action.updates.exists()


def test_services_refuse_people_without_the_right(world):
    action = ActionFactory(body=world.mrap, owner_user=world.users["gla_officer"])
    with pytest.raises(PermissionDenied):
        action_mark_done(action=action, by=world.users["panel_member"])
    with pytest.raises(PermissionDenied):
        action_add_update(action=action, by=world.users["panel_member"], note="x")
    with pytest.raises(PermissionDenied):
        action_create(description="x", due_on=TODAY, by=world.users["panel_member"], body=world.mrap,
                      owner_user=world.users["panel_member"])


def test_the_database_refuses_a_done_action_without_a_completed_date(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(body=world.mrap, status=ActionStatus.DONE, completed_on=None)


def test_the_database_refuses_a_completed_date_on_an_open_action(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(body=world.mrap, status=ActionStatus.OPEN, completed_on=TODAY)


def test_the_database_refuses_an_action_without_an_owner(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(body=world.mrap, owner_user=None, owner_organisation=None)


def test_overdue_is_derived_from_the_due_date_and_status(world):
    late = ActionFactory(body=world.mrap, due_on=TODAY - dt.timedelta(days=1))
    done_late = ActionFactory(body=world.mrap, due_on=TODAY - dt.timedelta(days=1), status="done",
                              completed_on=TODAY)
    due_today = ActionFactory(body=world.mrap, due_on=TODAY)
    assert late.is_overdue and not done_late.is_overdue and not due_today.is_overdue
    assert list(Action.objects.overdue()) == [late]


def test_the_history_page_shows_who_changed_what(world, client_for):
    officer = world.users["gla_officer"]
    client = client_for(officer)
    client.post(CREATE, action_data(world.users["panel_member"], body=world.mrap.pk))
    action = Action.objects.get()
    client.post(reverse("partnership:action_edit", args=[action.pk]),
                action_data(world.users["gla_officer"], body=world.mrap.pk, due=dt.date(2030, 3, 31)))
    page = client.get(reverse("partnership:action_history", args=[action.pk])).text
    assert page.count("by Gail Officer") == 2
    assert "Owner (person)" in page and "Mo Member" in page and "Gail Officer" in page
    assert "31 March 2030" in page


def _csv_rows(response):
    # A response counted by assert_flat_query_count was read whole already (response.streamed).
    body = getattr(response, "streamed", None) or response.getvalue()
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_export_neutralises_cells_and_obeys_scope_and_filters(world, client_for):
    ActionFactory(body=world.mrap, description='=HYPERLINK("http://evil.example","click")')
    ActionFactory(body=world.mrap, description="@SUM(1+1)", status="done", completed_on=TODAY)
    ActionFactory(body=world.hmap, description="HMAP only: review the hotel list")
    member_rows = _csv_rows(client_for(world.users["panel_member"]).get(reverse("partnership:action_export")))
    assert member_rows[0][:3] == ["Reference", "Description", "Body"]
    descriptions = [row[1] for row in member_rows[1:]]
    assert descriptions == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'@SUM(1+1)"]
    response = client_for(world.users["gla_officer"]).get(reverse("partnership:action_export"), {"status": "open"})
    assert response["Content-Disposition"].startswith('attachment; filename="actions-')
    assert len(_csv_rows(response)) == 3  # header + the two open ones
    assert _csv_rows(client_for(world.users["borough_b"]).get(reverse("partnership:action_export"))) == [
        member_rows[0]]


def test_filters(world, client_for):
    council = OrganisationFactory(name="London Councils")
    late = ActionFactory(body=world.mrap, description="Late one", due_on=TODAY - dt.timedelta(days=3))
    ActionFactory(body=world.hmap, description="HMAP one", due_on=dt.date(2031, 1, 10))
    ActionFactory(body=world.mrap, description="Council one", owner_user=None, owner_organisation=council,
                  owner_contact="Amira Khan")
    client = client_for(world.users["gla_officer"])
    url = reverse("partnership:action_list")

    def shown(**params):
        text = client.get(url, params).text
        return {d for d in ["Late one", "HMAP one", "Council one"] if d in text}

    assert shown() == {"Late one", "HMAP one", "Council one"}
    assert shown(body=world.hmap.pk) == {"HMAP one"}
    assert shown(overdue="yes") == {"Late one"}
    assert shown(overdue="no") == {"HMAP one", "Council one"}
    assert shown(owner=f"o{council.pk}") == {"Council one"}
    assert shown(owner=f"u{late.owner_user_id}") == {"Late one"}
    assert shown(due_from="2030-01-01", due_to="2031-12-31") == {"HMAP one"}
    assert shown(status="done") == set()
    # Nonsense filters are reported, never a 500.
    response = client.get(url, {"due_from": "1900-99-99", "owner": "zzz", "overdue": "maybe", "body": "abc"})
    assert response.status_code == 200 and "govuk-error-summary" in response.text


def test_my_actions_lists_only_the_users_own(world, client_for):
    member = world.users["panel_member"]
    ActionFactory(body=world.mrap, owner_user=member, description="Mine, open")
    ActionFactory(body=world.mrap, owner_user=member, description="Mine, done", status="done", completed_on=TODAY)
    ActionFactory(body=world.mrap, description="Someone else's")
    text = client_for(member).get(reverse("partnership:my_actions")).text
    assert "Mine, open" in text and "Mine, done" in text and "Someone else&#x27;s" not in text
    assert text.index("Mine, open") < text.index("Mine, done")


def test_dashboard_counts_the_users_open_and_overdue_actions(world, client_for):
    member = world.users["panel_member"]
    ActionFactory(body=world.mrap, owner_user=member, due_on=TODAY - dt.timedelta(days=2))
    ActionFactory(body=world.mrap, owner_user=member)
    ActionFactory(body=world.hmap)  # not the member's, and outside their scope
    panel = client_for(member).get(reverse("dashboard")).text
    assert "Your open actions" in panel
    assert panel.split("Your open actions")[1].split("</a>")[0].strip().endswith("2 open actions")
    assert panel.split("Your overdue actions")[1].split("</a>")[0].strip().endswith("1 overdue action")
    assert "All open actions" not in panel


def _actions_maker(**fields):
    def make(n):
        for i in range(n):
            ActionFactory(due_on=TODAY + dt.timedelta(days=i - 3), **fields)
    return make


def _mixed_owners_maker(world, owner):
    meeting = MeetingFactory(body=world.mrap)
    item = AgendaItemFactory(meeting=meeting)
    organisation = OrganisationFactory(name="London Councils")

    def make(n):
        _actions_maker(body=world.mrap, meeting=meeting, agenda_item=item, owner_user=owner)(n - n // 2)
        _actions_maker(body=world.mrap, meeting=meeting, owner_user=None, owner_organisation=organisation,
                       owner_contact="A Contact")(n // 2)
    return make


@pytest.mark.parametrize("url_name", ["partnership:action_export", "partnership:my_actions", "dashboard"])
@pytest.mark.parametrize("role", ["gla_officer", "panel_member"])
def test_action_lists_query_count_is_flat(world, client_for, url_name, role):
    owner = world.users[role]
    _, large = assert_flat_query_count(client_for(owner), reverse(url_name), _mixed_owners_maker(world, owner))
    if url_name == "partnership:action_export":
        assert len(_csv_rows(large)) == 51


@pytest.mark.parametrize("role", ["gla_officer", "panel_member"])
def test_action_list_query_count_is_flat_across_sizes_and_pages(world, client_for, role):
    owner = world.users[role]
    _, large, page_two = assert_flat_query_count_across_pages(
        client_for(owner), reverse("partnership:action_list"), _mixed_owners_maker(world, owner),
        per_page=ACTIONS_PAGE_SIZE)
    assert "Showing 1 to 100 of 105 actions" in large.text
    assert "Showing 101 to 105 of 105 actions" in page_two.text


def test_edit_and_update_forms_post_back_to_their_own_page(world, client_for):
    """The shared form include takes an "action" attribute; the action object must not leak into it."""
    action = ActionFactory(body=world.mrap, owner_user=world.users["gla_officer"])
    client = client_for(world.users["gla_officer"])
    for url_name in ["partnership:action_edit", "partnership:action_update_create"]:
        page = client.get(reverse(url_name, args=[action.pk])).text
        assert '<form method="post" novalidate>' in page, url_name


def test_action_detail_query_count_is_flat_in_its_updates(world, client_for):
    member = world.users["panel_member"]
    action = ActionFactory(body=world.mrap, owner_user=member)
    writers = [member, world.users["gla_officer"]]

    def add_updates(n):
        for i in range(n):
            ActionUpdate.objects.create(action=action, written_by=writers[i % 2], note=f"Update {i}")

    _, large = assert_flat_query_count(client_for(member), reverse("partnership:action_detail", args=[action.pk]),
                                       add_updates)
    # Bounded: a page of 20 updates (issue 12), the rest a page link away.
    assert large.text.count('class="govuk-inset-text"') == 20
    assert "Showing 1 to 20 of 50 updates" in large.text


def test_action_history_query_count_is_flat_in_its_versions(world, client_for):
    """Each version names who saved it and the people, organisation, meeting and agenda item it
    pointed at: all looked up in a fixed number of queries, however many versions there are."""
    officer, member = world.users["gla_officer"], world.users["panel_member"]
    council = OrganisationFactory(name="London Councils")
    contact = UserFactory(organisation=council)
    meeting = MeetingFactory(body=world.mrap)
    item = AgendaItemFactory(meeting=meeting)
    action = action_create(description="Circulate the briefing", due_on=TODAY, by=officer, agenda_item=item,
                           owner_user=member)
    owners = [{"owner_user": member, "owner_organisation": None, "owner_contact_user": None},
              {"owner_user": None, "owner_organisation": council, "owner_contact": "", "owner_contact_user": contact}]

    def change(n):
        for _ in range(n):
            version = action.history.count()
            action_change(action=action, by=[officer, world.users["superuser"]][version % 2],
                          due_on=TODAY + dt.timedelta(days=version), **owners[version % 2])

    _, large = assert_flat_query_count(client_for(officer), reverse("partnership:action_history", args=[action.pk]),
                                       change, small=4, large=49)  # plus the version that recorded it
    assert action.history.count() == 50
    assert large.text.count("Due date") == 50
