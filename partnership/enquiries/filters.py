"""The enquiry queue's filters: an explicit list of fields, nothing else can be filtered on."""

import django_filters
from django import forms
from django.db.models import Q

from partnership.enquiries.forms import gla_officers
from partnership.models import Enquiry, EnquiryKind, EnquiryStatus
from partnership.models.enquiries import LANGUAGE_CHOICES

OPEN = "open"


class EnquiryFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="About", choices=EnquiryKind.choices, empty_label="Any")
    status = django_filters.ChoiceFilter(
        label="Status", choices=[(OPEN, "Open (new or assigned)"), *EnquiryStatus.choices],
        empty_label="Any", method="filter_status")
    assignee = django_filters.ModelChoiceFilter(label="Assigned to", queryset=lambda request: gla_officers(),
                                                empty_label="Anyone")
    language = django_filters.ChoiceFilter(
        label="Language", choices=LANGUAGE_CHOICES, empty_label="Any", method="filter_language",
        help_text="The form's language or the reply language")
    overdue = django_filters.BooleanFilter(label="Overdue only", method="filter_overdue",
                                           widget=forms.CheckboxInput)

    class Meta:
        model = Enquiry
        fields = ["kind", "status", "assignee", "language", "overdue"]

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.still_open()
        return queryset.filter(status=value)

    def filter_language(self, queryset, name, value):
        """Written in the language, or asking for a reply in it: both need someone who reads it."""
        return queryset.filter(Q(language=value) | Q(reply_language=value))

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
