"""django-filter sets, each with an explicit list of the fields a user may filter on."""

import django_filters
from django import forms

from partnership.models import Notification, NotificationStatus
from partnership.notifications.registry import kind_label, notice_kinds


def _kind_choices():
    """Registered kinds by their label, plus any kind another part wrote without registering."""
    known = {k.kind: k.label for k in notice_kinds()}
    for kind in Notification.objects.order_by().values_list("kind", flat=True).distinct():
        known.setdefault(kind, kind_label(kind))
    return sorted(known.items(), key=lambda item: item[1].lower())


class NotificationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=NotificationStatus.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(choices=[], empty_label="Any kind")
    recipient = django_filters.CharFilter(field_name="recipient_email", lookup_expr="icontains",
                                          label="Recipient email contains")
    due_from = django_filters.DateFilter(field_name="send_after", lookup_expr="date__gte",
                                         label="Due from", widget=forms.DateInput(attrs={"type": "date"}))
    due_to = django_filters.DateFilter(field_name="send_after", lookup_expr="date__lte",
                                       label="Due to", widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Notification
        fields = ["status", "kind", "recipient", "due_from", "due_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Kinds are registered by every app at start-up, so the choices are read per request.
        self.filters["kind"].extra["choices"] = _kind_choices()
