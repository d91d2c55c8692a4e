"""manage.py seed_scale: the distributions of issue 12, a refusal on a database that holds scale
data already, and --replace writing the same set again rather than a second one."""

import io

import pytest
from django.core.management import CommandError, call_command

from funding.models import Decision
from lsmp.scale_data import counts_for
from partnership.models import Action, AgendaItem, Meeting, Notification, Paper, SearchEntry
from partnership.models.enquiries import Enquiry
from resettlement.models import ResettlementOffer

pytestmark = pytest.mark.django_db


def test_counts_follow_the_issue_distribution():
    assert counts_for(100_000) == {"meetings": 20_000, "agenda items": 100_000, "papers": 50_000,
                                   "actions": 100_000, "offers": 100_000, "enquiries": 100_000,
                                   "notifications": 100_000, "decisions": 5_000}


def test_seed_scale_writes_every_list_then_refuses_then_replaces():
    call_command("seed_scale", rows=200, stdout=io.StringIO())
    written = {Meeting: 40, AgendaItem: 200, Paper: 100, Action: 200, ResettlementOffer: 200, Enquiry: 200,
               Notification: 200, Decision: 10}
    assert {model: model.objects.count() for model in written} == written
    # Spread over bodies and owners, and one body carries most of the open actions.
    assert Action.objects.values("body").distinct().count() == 12
    assert Action.objects.values("owner_user").distinct().count() > 50
    # Nothing is due: no dispatcher would send the invented notices.
    assert not Notification.objects.filter(status="pending").exists()
    entries = SearchEntry.objects.count()
    assert entries >= sum(written.values()) - written[Notification]  # every searched row is found

    with pytest.raises(CommandError, match="holds scale data already"):
        call_command("seed_scale", rows=200, stdout=io.StringIO())

    call_command("seed_scale", rows=200, replace=True, stdout=io.StringIO())
    assert {model: model.objects.count() for model in written} == written
    assert SearchEntry.objects.count() == entries  # the old rows' entries went with them
