"""A task group's page bounds its members (issue 12) and links to its body's page, which pages them."""

import pytest
from django.urls import reverse

from partnership.models import Membership, User
from taskgroups.selectors.task_groups import MEMBERS_SHOWN
from tests.factories.taskgroups import TaskGroupFactory

pytestmark = pytest.mark.django_db


def test_task_group_page_bounds_its_members(world, client_for):
    task_group = TaskGroupFactory()
    body = task_group.body
    people = User.objects.bulk_create([User(email=f"member{i}@example.org", full_name=f"Member {i:03d}")
                                       for i in range(MEMBERS_SHOWN + 4)])
    Membership.objects.bulk_create([Membership(body=body, user=person) for person in people])
    html = client_for(world.users["gla_officer"]).get(
        reverse("taskgroups:task_group_detail", args=[task_group.pk])).text
    assert html.count("Member 0") == MEMBERS_SHOWN
    text = " ".join(html.split())
    assert f"Showing the {MEMBERS_SHOWN} of {MEMBERS_SHOWN + 4} members." in text
    assert f'href="{reverse("partnership:body_detail", args=[body.pk])}#members"' in html
