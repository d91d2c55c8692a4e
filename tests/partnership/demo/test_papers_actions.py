"""The demo papers and actions: every visibility, overdue and done actions, and idempotent."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from partnership.models import Action, Body, Paper, PaperVisibility
from tests.factories.partnership import BodyFactory, MeetingFactory


def test_seed_demo_adds_papers_and_actions_once(db, capsys):
    # The bodies demo (another part) makes HMAP and its meetings; papers then attach to its last meeting.
    hmap = BodyFactory(short_name="HMAP", name="Homeless Migrants Advisory Panel")
    last = MeetingFactory(body=hmap, starts_at=timezone.now() - dt.timedelta(days=20))
    MeetingFactory(body=hmap, starts_at=timezone.now() + dt.timedelta(days=40))
    call_command("seed_demo")
    first = (Paper.objects.count(), Action.objects.count())
    call_command("seed_demo")
    assert (Paper.objects.count(), Action.objects.count()) == first
    assert set(Body.objects.filter(short_name__in=["LSMP", "MRAP", "HMAP", "LAG", "BRON"])
               .values_list("short_name", flat=True)) == {"LSMP", "MRAP", "HMAP", "LAG", "BRON"}
    assert {p.meeting for p in Paper.objects.filter(body=hmap)} == {last}
    assert {a.meeting for a in Action.objects.filter(body=hmap)} == {last}
    # A paper hangs off its own body's meeting, or off the body alone.
    assert all(p.meeting is None or p.meeting.body_id == p.body_id for p in Paper.objects.select_related("meeting"))
    assert {p.visibility for p in Paper.objects.all()} == set(PaperVisibility.values)
    assert Paper.objects.filter(published_at__isnull=True).exists()
    for paper in Paper.objects.all():
        with paper.file.open("rb") as handle:
            assert handle.read(5) in (b"%PDF-", b"PK\x03\x04\x14"), paper.title
    assert Action.objects.overdue().exists()
    assert Action.objects.filter(status="done", completed_on__isnull=False).exists()
    assert Action.objects.filter(owner_organisation__isnull=False).exclude(owner_contact="").exists()
    assert Action.objects.filter(owner_user__email="member@example.org").exists()
    # An organisation-owned action whose contact has an account, and has written an update.
    camden = Action.objects.get(owner_contact_user__email="camden@example.org")
    assert camden.owner_organisation.name == "Camden" and camden.owner_contact == "Tom Okafor"
    assert camden.updates.get().written_by == camden.owner_contact_user
    assert Action.objects.filter(updates__isnull=False).exists()
    assert "demo papers" in capsys.readouterr().out
