"""The link in an action notice, followed as a browser would: signed out it leads to the sign-in
page, which keeps where it was going; signing in there opens the action."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnership.models import Notification
from partnership.notifications.services.notice_links import action_link
from partnership.reminders import plan_action_notices
from tests.factories.partnership import PASSWORD, ActionFactory, BoroughFactory, UserFactory

pytestmark = pytest.mark.django_db


def _owned_by_a_person():
    owner = UserFactory(email="owner@example.org")
    return owner, ActionFactory(owner_user=owner)


def _owned_through_an_organisations_contact():
    borough = BoroughFactory(name="Camden")
    contact = UserFactory(email="contact@example.org", organisation=borough)
    return contact, ActionFactory(owner_user=None, owner_organisation=borough, owner_contact="Housing lead",
                                  owner_contact_user=contact)


def _link_in_the_notice(action) -> str:
    """The path of the link the overdue notice carries (the planner runs the day after the due date)."""
    action.due_on = timezone.localdate() - dt.timedelta(days=1)
    action.save()
    plan_action_notices(timezone.localtime().replace(hour=settings.NOTICE_MORNING_HOUR + 1))
    body = Notification.objects.get(kind="action.overdue").body_text
    link = action_link(action.pk)
    assert link in body
    return urlsplit(link).path


@pytest.mark.parametrize("owned", [_owned_by_a_person, _owned_through_an_organisations_contact])
def test_the_email_link_opens_the_action_after_sign_in(owned):
    owner, action = owned()
    path = _link_in_the_notice(action)
    assert path == reverse("partnership:action_detail", args=[action.pk])
    browser = Client(enforce_csrf_checks=True)

    response = browser.get(path)
    sign_in_url = f"{reverse('login')}?next={path}"
    assert response.status_code == 302 and response["Location"] == sign_in_url

    page = browser.get(sign_in_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<form method="post" novalidate>' in html  # no action attribute: it posts back to this URL, next and all
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = browser.post(sign_in_url, {"csrfmiddlewaretoken": token, "username": owner.email,
                                          "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == path

    opened = browser.get(path)
    assert opened.status_code == 200
    assert action.description in opened.content.decode()
    assert "Mark as done" in opened.content.decode()  # the owner can act on it there
