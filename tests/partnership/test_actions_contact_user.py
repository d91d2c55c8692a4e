"""An organisation owns an action through its contact user: that person acts as the owner (adds
updates, marks it done, sees it in "my actions"); nobody else at the organisation does, and a
person who does not work for the organisation cannot be made its contact."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnership.models import Action, ActionStatus
from partnership.selectors.actions import action_counts, my_actions
from partnership.services.actions import action_add_update, action_change, action_create, action_mark_done
from tests.factories.partnership import ActionFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CREATE = reverse("partnership:action_create")


@pytest.fixture
def council():
    return OrganisationFactory(name="London Councils")


@pytest.fixture
def contact(council):
    return UserFactory(email="amira@example.org", full_name="Amira Khan", organisation=council)


def _council_action(world, council, contact, **fields):
    return ActionFactory(body=world.hmap, owner_user=None, owner_organisation=council,
                         owner_contact="Amira Khan", owner_contact_user=contact, **fields)


def test_the_contact_user_adds_an_update_and_marks_the_action_done(world, council, contact):
    action = _council_action(world, council, contact)
    update = action_add_update(action=action, by=contact, note="Figures sent to the board.", status="in_progress")
    assert update.written_by == contact and action.status == ActionStatus.IN_PROGRESS
    action_mark_done(action=action, by=contact)
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.DONE, TODAY)
    assert action.history.first().history_user == contact


def test_a_colleague_who_is_not_the_contact_may_not(world, council, contact):
    """The named contact answers for the action; the rest of the organisation only sees it in
    the body's lists if they sit on the body."""
    action = _council_action(world, council, contact)
    colleague = UserFactory(organisation=council)
    with pytest.raises(PermissionDenied):
        action_add_update(action=action, by=colleague, note="x")
    with pytest.raises(PermissionDenied):
        action_mark_done(action=action, by=colleague)
    assert not action.is_owned_by(colleague)


def test_a_contact_who_left_the_organisation_stops_acting_for_it(world, council, contact):
    action = _council_action(world, council, contact)
    contact.organisation = OrganisationFactory(name="Refugee Council")
    contact.save()
    with pytest.raises(PermissionDenied):
        action_mark_done(action=action, by=contact)
    assert list(my_actions(contact)) == []
    assert list(Action.objects.visible_to(contact)) == []


def test_the_contact_must_work_for_the_owning_organisation(world, council):
    outsider = UserFactory(full_name="Olu Outsider", organisation=OrganisationFactory(name="Refugee Council"))
    with pytest.raises(ValidationError) as error:
        action_create(description="Share the paper", due_on=TODAY, by=world.users["gla_officer"], body=world.mrap,
                      owner_organisation=council, owner_contact="Olu", owner_contact_user=outsider)
    assert error.value.message_dict == {
        "owner_contact_user": ["Olu Outsider does not work for London Councils: choose someone who does"]}
    with pytest.raises(ValidationError, match="only when an organisation owns the action"):
        action_create(description="Share the paper", due_on=TODAY, by=world.users["gla_officer"], body=world.mrap,
                      owner_user=world.users["panel_member"], owner_contact_user=outsider)
    assert not Action.objects.exists()


def test_changing_the_owner_to_a_person_refuses_a_leftover_contact_user(world, council, contact):
    action = _council_action(world, council, contact)
    with pytest.raises(ValidationError, match="only when an organisation owns the action"):
        action_change(action=action, by=world.users["gla_officer"], owner_user=world.users["panel_member"],
                      owner_organisation=None)
    action = action_change(action=Action.objects.get(pk=action.pk), by=world.users["gla_officer"],
                           owner_user=world.users["panel_member"], owner_organisation=None, owner_contact_user=None)
    assert (action.owner_contact, action.owner_contact_user) == ("", None)


def test_the_database_refuses_a_contact_user_on_a_person_owned_action(world, contact):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(body=world.mrap, owner_user=world.users["panel_member"], owner_contact_user=contact)


def test_the_contact_name_defaults_to_the_accounts_name(world, council, contact):
    action = action_create(description="Share the paper", due_on=TODAY, by=world.users["gla_officer"],
                           body=world.mrap, owner_organisation=council, owner_contact_user=contact)
    assert action.owner_display == "London Councils (Amira Khan)"


def test_the_contact_sees_the_action_as_their_own(world, council, contact, client_for):
    action = _council_action(world, council, contact, due_on=TODAY - dt.timedelta(days=1))
    _council_action(world, council, None, description="Someone else's council action")
    assert list(my_actions(contact)) == [action]
    assert action_counts(contact) == {"mine_open": 1, "mine_overdue": 1}
    client = client_for(contact)
    assert action.description in client.get(reverse("partnership:my_actions")).text
    assert "Someone else" not in client.get(reverse("partnership:action_list")).text
    detail = client.get(reverse("partnership:action_detail", args=[action.pk])).text
    assert "Add an update" in detail and "Mark as done" in detail
    client.post(reverse("partnership:action_mark_done", args=[action.pk]))
    assert Action.objects.get(pk=action.pk).status == ActionStatus.DONE


def test_the_form_offers_the_contact_account_and_explains_a_wrong_one(world, council, contact, client_for):
    outsider = UserFactory(full_name="Olu Outsider", organisation=OrganisationFactory(name="Refugee Council"))
    client = client_for(world.users["gla_officer"])
    due = TODAY + dt.timedelta(days=14)
    data = {"description": "Share the paper", "body": world.mrap.pk, "owner_organisation": council.pk,
            "owner_contact": "", "owner_contact_user": outsider.pk, "due_on_0": due.day, "due_on_1": due.month,
            "due_on_2": due.year, "status": "open"}
    assert "Amira Khan, London Councils (amira@example.org)" in client.get(CREATE).text
    page = client.post(CREATE, data).text
    message = "Olu Outsider does not work for London Councils: choose someone who does"
    assert "govuk-error-summary" in page and 'href="#id_owner_contact_user"' in page
    assert '<span id="id_owner_contact_user_1_error" class="govuk-error-message">' in page
    assert page.count(message) == 2  # in the summary and beside the field
    assert "Share the paper" in page  # nothing typed is lost
    assert not Action.objects.exists()
    response = client.post(CREATE, {**data, "owner_contact_user": contact.pk})
    action = Action.objects.get()
    assert response.status_code == 302 and action.owner_contact_user == contact
    history = client.get(reverse("partnership:action_history", args=[action.pk])).text
    assert "Contact&#x27;s account" in history and "Amira Khan" in history
