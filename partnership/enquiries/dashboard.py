"""The enquiry panel of the officer dashboard: counts through the same scoped queryset as the
queue, in one query."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from partnership.models import Enquiry
from partnership.models.enquiries import OPEN_STATUSES


def enquiry_panels(user) -> list[dict]:
    if not (user.is_authenticated and user.is_gla_officer):
        return []
    today = timezone.localdate()
    counts = Enquiry.objects.visible_to(user).aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, response_due__lt=today)),
        mine=Count("pk", filter=Q(status__in=OPEN_STATUSES, assignee=user)),
        unassigned=Count("pk", filter=Q(status="new")),
    )
    queue = reverse("partnership:enquiry_list")
    return [{"title": "Public enquiries", "rows": [
        ("Open", counts["open"], f"{queue}?status=open"),
        ("Overdue", counts["overdue"], f"{queue}?status=open&overdue=true"),
        ("Not yet assigned", counts["unassigned"], f"{queue}?status=new"),
        ("Assigned to you", counts["mine"], f"{queue}?status=open&assignee={user.pk}"),
    ]}]
