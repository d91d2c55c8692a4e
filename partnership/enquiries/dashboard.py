"""The enquiry panel of the officer dashboard: counts through the same scoped queryset as the
queue, each capped ("more than 99") and served by an index (docs/decisions/0011)."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.counts import capped_count
from partnership.models import Enquiry


def enquiry_panels(user) -> list[dict]:
    if not (user.is_authenticated and user.is_gla_officer):
        return []
    today = timezone.localdate()
    scoped = Enquiry.objects.visible_to(user)
    counts = {
        "open": capped_count(scoped.still_open()),
        "overdue": capped_count(scoped.overdue(today)),
        "mine": capped_count(scoped.still_open().filter(assignee=user)),
        "unassigned": capped_count(scoped.filter(status="new")),
    }
    queue = reverse("partnership:enquiry_list")
    return [{"title": "Public enquiries", "rows": [
        ("Open", counts["open"], f"{queue}?status=open"),
        ("Overdue", counts["overdue"], f"{queue}?status=open&overdue=true"),
        ("Not yet assigned", counts["unassigned"], f"{queue}?status=new"),
        ("Assigned to you", counts["mine"], f"{queue}?status=open&assignee={user.pk}"),
    ]}]
