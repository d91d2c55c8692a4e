"""The enquiry panel of the officer dashboard: counts through the same scoped queryset as the
queue, each capped ("more than 99") and served by an index, all in one query (docs/decisions/0011)."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.counts import counted, panel_figures, todo
from partnership.models import Enquiry


def enquiry_panels(user) -> list[dict]:
    if not (user.is_authenticated and user.is_gla_officer):
        return []
    today = timezone.localdate()
    scoped = Enquiry.objects.visible_to(user)
    counts = panel_figures({
        "open": scoped.still_open(),
        "overdue": scoped.overdue(today),
        "mine": scoped.still_open().filter(assignee=user),
        "unassigned": scoped.filter(status="new"),
    })
    queue = reverse("partnership:enquiry_list")
    overdue, new = f"{queue}?status=open&overdue=true", f"{queue}?status=new"
    mine = f"{queue}?status=open&assignee={user.pk}"
    return [{"title": "Public enquiries", "rows": [
        ("Open", counted(counts["open"], "open enquiry", "open enquiries"), f"{queue}?status=open"),
        ("Overdue", counted(counts["overdue"], "enquiry", "enquiries") + " past the reply-by date", overdue),
        ("Not yet assigned", counted(counts["unassigned"], "enquiry", "enquiries") + " not yet assigned", new),
        ("Assigned to you", counted(counts["mine"], "open enquiry", "open enquiries"), mine),
    ], "todo": [
        todo(counts["overdue"], "enquiry past its reply-by date", "enquiries past their reply-by date", overdue),
        todo(counts["mine"], "open enquiry assigned to you", "open enquiries assigned to you", mine),
        todo(counts["unassigned"], "new enquiry to assign", "new enquiries to assign", new),
    ]}]
