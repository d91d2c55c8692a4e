import pytest
from django.core.management import call_command

from partnership.models import (
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minutes,
    MinutesStatus,
    User,
)

pytestmark = pytest.mark.django_db


def _counts():
    return (Body.objects.count(), Membership.objects.count(), Meeting.objects.count(), Minutes.objects.count(),
            User.objects.count())


def test_seed_demo_adds_the_bodies_and_a_year_of_meetings_once(capsys):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first

    assert set(Body.objects.values_list("short_name", flat=True)) >= {"LSMP", "MRAP", "HMAP", "LAG", "BRON"}
    member = User.objects.get(email="member@example.org")
    # The demo member sits on MRAP, and on one task group when the task groups' demo is loaded.
    others = Body.objects.filter(pk__in=member.current_body_ids).exclude(short_name="MRAP")
    assert Body.objects.get(short_name="MRAP").pk in member.current_body_ids
    assert {body.kind for body in others} <= {BodyKind.TASK_GROUP}
    bron = Body.objects.get(short_name="BRON")
    for email in ("camden@example.org", "hackney@example.org"):
        assert bron.pk in User.objects.get(email=email).current_body_ids

    lsmp = Body.objects.get(short_name="LSMP")
    assert lsmp.chair_name.startswith("Deputy Mayor for Social Integration")
    assert lsmp.memberships.filter(role=MembershipRole.CHAIR).exists()
    assert lsmp.memberships.filter(role=MembershipRole.LEAD_REPRESENTATIVE).count() == 4
    represented = set(lsmp.memberships.values_list("organisation__name", flat=True))
    assert {"Home Office", "London Councils", "London Housing Directors' Group"} <= represented

    assert Meeting.objects.filter(status=MeetingStatus.HELD).exists()
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED).exists()
    assert Meeting.objects.filter(status=MeetingStatus.CANCELLED).exists()
    assert Minutes.objects.filter(status=MinutesStatus.APPROVED).exists()
    assert Minutes.objects.filter(status=MinutesStatus.DRAFT).exists()
    assert all(m.agenda_items.exists() for m in Meeting.objects.all())
